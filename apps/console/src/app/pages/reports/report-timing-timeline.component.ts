import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { MONTH_NAMES } from '../../core/labels';
import { formatDate } from '../../shared/format';
import { isRecord, numberOr, records, strings, text } from './report-data';

interface Month {
  readonly key: string;
  readonly short: string;
  readonly year: number;
  readonly peak: boolean;
}

const DAY_MS = 86_400_000;

/** When to market: the campaign window on a month timeline, the peak months, and the events that moved it. */
@Component({
  selector: 'lbi-report-timing',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-timing-timeline.component.html',
  styleUrl: './report-timing-timeline.component.scss',
})
export class TimingTimelineComponent {
  readonly timing = input.required<unknown>();
  /** The report's as-of date (YYYY-MM-DD): the timeline starts at its month. */
  readonly asOf = input<string>('');

  private readonly data = computed(
    () => (isRecord(this.timing()) ? this.timing() : {}) as Record<string, unknown>,
  );
  protected readonly start = computed(() => text(this.data()['start_date']));
  protected readonly end = computed(() => text(this.data()['end_date']));
  protected readonly leadWeeks = computed(() => numberOr(this.data()['lead_time_weeks']));
  protected readonly why = computed(() => strings(this.data()['why']));
  protected readonly peakMonths = computed(
    () =>
      new Set(
        (Array.isArray(this.data()['peak_months']) ? (this.data()['peak_months'] as unknown[]) : []).map(
          Number,
        ),
      ),
  );
  protected readonly peakText = computed(() =>
    [...this.peakMonths()]
      .sort((a, b) => a - b)
      .map((m) => MONTH_NAMES[m - 1])
      .filter(Boolean)
      .join(', '),
  );

  /** First day of the first month shown (UTC). */
  private readonly origin = computed(() => {
    const from = parse(this.asOf()) ?? parse(this.start()) ?? new Date();
    return Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1);
  });

  protected readonly months = computed((): Month[] => {
    const origin = new Date(this.origin());
    const end = parse(this.end());
    let count = 12;
    if (end) {
      const span =
        (end.getUTCFullYear() - origin.getUTCFullYear()) * 12 + end.getUTCMonth() - origin.getUTCMonth() + 1;
      count = Math.min(24, Math.max(12, span));
    }
    return Array.from({ length: count }, (_, i) => {
      const date = new Date(Date.UTC(origin.getUTCFullYear(), origin.getUTCMonth() + i, 1));
      const month = date.getUTCMonth() + 1;
      return {
        key: `${date.getUTCFullYear()}-${month}`,
        short: MONTH_NAMES[month - 1].slice(0, 3),
        year: date.getUTCFullYear(),
        peak: this.peakMonths().has(month),
      };
    });
  });

  /** Where a date falls on the strip, 0..100 (%). */
  private position(date: Date | null): number | null {
    if (!date) return null;
    const months = this.months();
    const origin = this.origin();
    const last = new Date(origin);
    const stop = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + months.length, 1);
    const p = ((date.getTime() - origin) / (stop - origin)) * 100;
    return Math.max(0, Math.min(100, p));
  }

  /** Where a date range falls on the strip (its end day included), or null when off it. */
  private span(from: string, to: string): { left: number; width: number } | null {
    const start = this.position(parse(from));
    const endDate = parse(to);
    const end = this.position(endDate ? new Date(endDate.getTime() + DAY_MS) : null);
    if (start === null || end === null || end <= start) return null;
    return { left: start, width: end - start };
  }

  protected readonly window = computed(() => this.span(this.start(), this.end()));

  /** Statistics v2: every buying season's campaign window; the first is the one `start`/`end` give. */
  protected readonly seasons = computed(() =>
    records(this.data()['seasons'])
      .map((season, index) => ({
        index,
        span: this.span(text(season['start_date']), text(season['end_date'])),
        text: `${formatDate(text(season['start_date']))} – ${formatDate(text(season['end_date']))}`,
      }))
      .filter((season) => season.span !== null && season.index > 0),
  );
  protected readonly inProgress = computed(
    () => records(this.data()['seasons'])[0]?.['in_progress'] === true,
  );

  protected readonly events = computed(() =>
    records(this.data()['events']).map((event, index) => {
      const start = parse(text(event['start_date']));
      return {
        index: index + 1,
        name: text(event['event_name'], 'Event'),
        date: formatDate(text(event['start_date'])),
        zip: text(event['zip_code']),
        why: text(event['why']),
        left: this.position(start),
      };
    }),
  );

  protected readonly startText = computed(() => formatDate(this.start()));
  protected readonly endText = computed(() => formatDate(this.end()));
}

function parse(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
