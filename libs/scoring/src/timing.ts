// The campaign window: the first peak season of the category that has not ended (one in progress
// starts now), started lead-time weeks ahead and adjusted by upcoming events in the top ZIPs; every
// other season of the category follows, next first.

import type { TimingEvent, TimingSeason, TimingWindow } from '@lbi/contracts';

import type { CategoryProfile } from './categories';
import { addDays, eventMatchesCategory } from './zip-data';
import type { EventInput } from './types';

/** Start the campaign this many days before an event that falls before the seasonal start. */
export const EVENT_PRE_ROLL_DAYS = 14;
/** An event ending up to this many days after the window end extends the window to it. */
export const EVENT_EXTENSION_DAYS = 60;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Contiguous runs of months (circular: December-January joins). */
export function peakRuns(months: readonly number[]): number[][] {
  const sorted = [...new Set(months)].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  if (sorted.length === 12) return [sorted];
  const runs: number[][] = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === m - 1) last.push(m);
    else runs.push([m]);
  }
  if (runs.length > 1 && runs[0][0] === 1 && runs[runs.length - 1].slice(-1)[0] === 12) {
    const first = runs.shift()!;
    runs[runs.length - 1].push(...first);
  }
  return runs;
}

const iso = (y: number, m: number, d: number): string =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const lastDay = (y: number, m: number): string => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

interface Season {
  peakStart: string;
  peakEnd: string;
  run: number[];
}

/** Every occurrence of each run of peak months from the year before as_of to two years after. */
function seasonsAround(months: readonly number[], asOf: string): Season[] {
  const runs = peakRuns(months);
  const year = Number(asOf.slice(0, 4));
  const seasons: Season[] = [];
  for (const y of [year - 1, year, year + 1, year + 2]) {
    for (const run of runs) {
      const first = run[0];
      const last = run[run.length - 1];
      const endYear = last < first ? y + 1 : y;
      seasons.push({ peakStart: iso(y, first, 1), peakEnd: lastDay(endYear, last), run });
    }
  }
  return seasons.sort((a, b) => a.peakStart.localeCompare(b.peakStart));
}

/** The first peak season whose end is on or after as_of: one in progress counts (it starts now). */
export function nextSeason(months: readonly number[], asOf: string): Season | null {
  const today = asOf.slice(0, 10);
  return seasonsAround(months, today).find((s) => s.peakEnd >= today) ?? null;
}

/** The next occurrence of every run of peak months, the one in progress (or next) first. */
export function upcomingSeasons(months: readonly number[], asOf: string): Season[] {
  const today = asOf.slice(0, 10);
  const out: Season[] = [];
  const seen = new Set<string>();
  for (const s of seasonsAround(months, today)) {
    const key = s.run.join(',');
    if (s.peakEnd < today || seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

function monthNames(run: readonly number[]): string {
  return run.length === 1 ? MONTHS[run[0] - 1] : `${MONTHS[run[0] - 1]}-${MONTHS[run[run.length - 1] - 1]}`;
}

export function timingWindow(
  profile: CategoryProfile,
  asOf: string,
  events: readonly EventInput[],
  topZips: readonly string[],
): TimingWindow {
  const today = asOf.slice(0, 10);
  const season = nextSeason(profile.peak_months, today);
  const why: string[] = [];
  if (!season) {
    return {
      start_date: today,
      end_date: addDays(today, 90),
      peak_months: [...profile.peak_months],
      lead_time_weeks: profile.lead_time_weeks,
      why: ['The category has no peak months: a 90-day window from the report date.'],
      events: [],
      seasons: [],
    };
  }
  const seasons = upcomingSeasons(profile.peak_months, today).map((s) =>
    seasonWindow(s, profile.lead_time_weeks, today),
  );
  const first = seasons[0];
  let start = first.start_date;
  let end = first.end_date;
  if (first.in_progress) {
    why.push(
      `${profile.label} buyers peak in ${monthNames(season.run)}; this season is under way (${season.peakStart} to ${season.peakEnd}): start now (${today}). Rule of thumb: ${profile.seasonality_note}`,
    );
  } else {
    why.push(
      `${profile.label} buyers peak in ${monthNames(season.run)}; the next peak starts ${season.peakStart}. Rule of thumb: ${profile.seasonality_note}`,
    );
    why.push(
      first.start_date === today
        ? `The ${profile.lead_time_weeks}-week lead time has already begun: start now (${today}).`
        : `Start ${profile.lead_time_weeks} weeks ahead of the peak, on ${first.start_date}, and run to its end on ${first.end_date}.`,
    );
  }
  for (const later of seasons.slice(1)) {
    why.push(
      `Then ${monthNames(later.months)} (${later.peak_start} to ${later.peak_end}): start ${later.start_date === today ? 'now' : `on ${later.start_date}`}.`,
    );
  }

  const top = new Set(topZips);
  const relevant = events
    .filter((e) => eventMatchesCategory(e, profile.id) && (e.zip_code === null || top.has(e.zip_code)))
    .filter((e) => (e.end_date ?? e.start_date).slice(0, 10) >= today)
    .sort(
      (a, b) =>
        a.start_date.localeCompare(b.start_date) ||
        a.event_name.localeCompare(b.event_name) ||
        (a.zip_code ?? '').localeCompare(b.zip_code ?? ''),
    );
  const listed: TimingEvent[] = [];
  for (const e of relevant) {
    const s = e.start_date.slice(0, 10);
    const en = (e.end_date ?? e.start_date).slice(0, 10);
    const where = e.zip_code ? `in top ZIP ${e.zip_code}` : 'across the geography';
    if (s < start) {
      const newStart = addDays(s, -EVENT_PRE_ROLL_DAYS) < today ? today : addDays(s, -EVENT_PRE_ROLL_DAYS);
      if (newStart < start) {
        why.push(
          `Start moved earlier to ${newStart} so the campaign is live ${EVENT_PRE_ROLL_DAYS} days before ${e.event_name} (${s}).`,
        );
        start = newStart;
      }
      listed.push({
        event_name: e.event_name,
        start_date: s,
        end_date: e.end_date ? en : null,
        zip_code: e.zip_code,
        why: `${e.event_name} on ${s} ${where} comes before the seasonal start: the campaign opens early to meet it.`,
      });
    } else if (s <= end) {
      listed.push({
        event_name: e.event_name,
        start_date: s,
        end_date: e.end_date ? en : null,
        zip_code: e.zip_code,
        why: `${e.event_name} on ${s} ${where} falls inside the window: be present there.`,
      });
    } else if (en <= addDays(end, EVENT_EXTENSION_DAYS)) {
      why.push(`End extended from ${end} to ${en} to cover ${e.event_name}.`);
      end = en;
      listed.push({
        event_name: e.event_name,
        start_date: s,
        end_date: e.end_date ? en : null,
        zip_code: e.zip_code,
        why: `${e.event_name} on ${s} ${where} just follows the peak: the window is extended to cover it.`,
      });
    }
  }
  if (relevant.length === 0) why.push('No upcoming events in the top ZIPs adjust the window.');
  return {
    start_date: start,
    end_date: end,
    peak_months: [...profile.peak_months],
    lead_time_weeks: profile.lead_time_weeks,
    why,
    events: listed,
    seasons,
  };
}

function seasonWindow(s: Season, leadWeeks: number, today: string): TimingSeason {
  const lead = addDays(s.peakStart, -7 * leadWeeks);
  return {
    months: [...s.run],
    peak_start: s.peakStart,
    peak_end: s.peakEnd,
    start_date: lead < today ? today : lead,
    end_date: s.peakEnd,
    in_progress: s.peakStart <= today && today <= s.peakEnd,
  };
}
