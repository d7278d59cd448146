import ICAL from 'ical.js';
import { findPii, PII_KIND_LABELS } from '@lbi/pii';
import type { PiiKind } from '@lbi/pii';
import { ImportFileError, RowError } from '@lbi/contracts';

// An iCalendar feed as an alternative to the events CSV: each VEVENT becomes one record with the
// events CSV's columns, then goes through the same validation. Only what the schema allows is kept:
// LOCATION is used only when it is a bare 5-digit ZIP (a street address is never stored), and the
// DESCRIPTION is read only to refuse PII in it. ORGANIZER, ATTENDEE and CONTACT name people: an event
// that has them is refused (and the file is deleted, like every file refused for PII).
//
// Linear and gentle on the event loop: the text is unfolded and cut into VEVENT blocks in one pass,
// each block is parsed on its own (ical.js's Event model scans sibling events, which made big feeds
// quadratic), and the work yields to the event loop between batches. Error messages name the event
// or line by position and a fixed reason: they never quote the file.

export interface IcsEventRecord {
  /** Position of the VEVENT in the file, from 1. */
  index: number;
  record: Record<string, string | undefined>;
  /** PII found (never the value), flagged `pii`. */
  errors: RowError[];
}

export interface IcsLimits {
  maxEvents: number;
  /** Events parsed between two yields to the event loop. */
  batchSize?: number;
}

/** Properties that identify people, whatever their value. */
const PERSON_PROPERTIES = new Set(['ORGANIZER', 'ATTENDEE', 'CONTACT']);

function isoDate(time: ICAL.Time): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
}

/**
 * The YYYY-MM-DD a date property was written with, when ical.js read it as another day: it rolls an
 * impossible date over (20240230 becomes 2024-03-01). The written date then goes to the validator,
 * which refuses it, instead of importing a day nobody meant.
 */
function impossibleDate(lines: string[], name: string, time: ICAL.Time | null): string | undefined {
  const line = time ? lines.find((candidate) => propertyName(candidate) === name) : undefined;
  const written = line ? /:(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(line.trim()) : null;
  if (!time || !written) return undefined;
  const dashed = `${written[1]}-${written[2]}-${written[3]}`;
  return dashed === isoDate(time) ? undefined : dashed;
}

function textOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return String(value);
}

function piiErrors(index: number, property: string, value: string | undefined): RowError[] {
  if (!value) return [];
  const found = findPii(value);
  if (found.length === 0) return [];
  const kind = PII_KIND_LABELS[found[0].kind.split(' ')[0] as PiiKind];
  return [{ row: index, column: property, reason: `contains ${kind}; PII is not accepted`, pii: true }];
}

interface EventBlock {
  index: number;
  /** Line number (after unfolding: of the first physical line) where the VEVENT begins. */
  line: number;
  lines: string[];
  personProperties: string[];
}

/** The name of a content line (`DTSTART;VALUE=DATE:2026…` → `DTSTART`), upper-cased. */
function propertyName(line: string): string {
  const end = line.search(/[;:]/);
  return (end < 0 ? line : line.slice(0, end)).trim().toUpperCase();
}

/**
 * Cuts an iCalendar text into its VEVENT blocks in one pass (RFC 5545 line unfolding included).
 * Throws ImportFileError naming a line number when the structure is broken.
 */
export function* icsEventBlocks(text: string, maxEvents: number): Generator<EventBlock> {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let lineNumber = 0;
  let first = true;
  let depth = 0;
  let event: EventBlock | null = null;
  let count = 0;
  let pending: { text: string; line: number } | null = null;
  const lines = function* (): Generator<{ text: string; line: number }> {
    for (const raw of physical) {
      lineNumber += 1;
      if (pending && (raw.startsWith(' ') || raw.startsWith('\t'))) {
        pending.text += raw.slice(1);
        continue;
      }
      if (pending) yield pending;
      pending = raw.trim() === '' ? null : { text: raw, line: lineNumber };
    }
    if (pending) yield pending;
  };
  for (const { text: line, line: at } of lines()) {
    const upper = line.trim().toUpperCase();
    if (first) {
      if (upper !== 'BEGIN:VCALENDAR') {
        throw new ImportFileError('The file is not an iCalendar feed: it must start with BEGIN:VCALENDAR.');
      }
      first = false;
      depth = 1;
      continue;
    }
    if (!/^[A-Za-z0-9-]+[;:]/.test(line)) {
      // The line is never quoted; if it holds personal data the file is deleted like any PII refusal.
      throw new ImportFileError(
        `The iCalendar file could not be read: line ${at} is not a property line (NAME:value).`,
        findPii(line).length > 0 ? { pii_found: true } : {},
      );
    }
    if (upper.startsWith('BEGIN:')) {
      depth += 1;
      if (upper === 'BEGIN:VEVENT' && event === null) {
        count += 1;
        if (count > maxEvents) {
          throw new ImportFileError(
            `The calendar has more than ${maxEvents.toLocaleString('en-US')} events; split it into smaller files.`,
          );
        }
        event = { index: count, line: at, lines: [], personProperties: [] };
      }
    } else if (upper.startsWith('END:')) {
      depth -= 1;
      if (depth < 0) {
        throw new ImportFileError(
          `The iCalendar file could not be read: line ${at} ends a component that was never begun.`,
        );
      }
      if (upper === 'END:VEVENT' && event !== null) {
        event.lines.push(line);
        yield event;
        event = null;
        continue;
      }
    } else if (event !== null && PERSON_PROPERTIES.has(propertyName(line))) {
      event.personProperties.push(propertyName(line));
    }
    if (event !== null) event.lines.push(line);
  }
  if (first) throw new ImportFileError('The file is empty.');
  if (event !== null || depth > 0) {
    throw new ImportFileError('The iCalendar file could not be read: it ends before END:VCALENDAR.');
  }
}

function readEvent(block: EventBlock): IcsEventRecord {
  const { index } = block;
  let vevent: ICAL.Component;
  try {
    vevent = new ICAL.Component(ICAL.parse(block.lines.join('\r\n')) as unknown[]);
  } catch {
    throw new ImportFileError(
      `The iCalendar file could not be read: event ${index} (from line ${block.line}) is malformed.`,
    );
  }
  const errors: RowError[] = [...new Set(block.personProperties)].map((property) => ({
    row: index,
    column: property,
    reason:
      'names a person (organizer, attendee or contact); remove these lines, personal data is not accepted',
    pii: true,
  }));
  let start: ICAL.Time | null = null;
  let end: ICAL.Time | null = null;
  try {
    start = (vevent.getFirstPropertyValue('dtstart') as ICAL.Time | null) ?? null;
    const dtend = vevent.getFirstPropertyValue('dtend') as ICAL.Time | null;
    const duration = vevent.getFirstPropertyValue('duration') as ICAL.Duration | null;
    if (dtend) end = dtend;
    else if (start && duration) {
      end = start.clone();
      end.addDuration(duration);
    }
  } catch {
    errors.push({ row: index, column: 'DTSTART', reason: 'is not a valid iCalendar date' });
  }
  const impossibleStart = impossibleDate(block.lines, 'DTSTART', start);
  const impossibleEnd = impossibleDate(block.lines, 'DTEND', end);
  // An all-day event's DTEND is exclusive: a one-day event ends the day it starts.
  if (start && end && end.isDate) {
    const inclusive = end.clone();
    inclusive.adjust(-1, 0, 0, 0);
    end = inclusive.compare(start) >= 0 ? inclusive : start;
  }
  const summary = textOf(vevent.getFirstPropertyValue('summary'))?.trim();
  const description = textOf(vevent.getFirstPropertyValue('description'));
  const location = textOf(vevent.getFirstPropertyValue('location'))?.trim();
  const categories = vevent.getFirstProperty('categories')?.getValues()[0];
  const record: Record<string, string | undefined> = {
    event_name: summary,
    start_date: impossibleStart ?? (start ? isoDate(start) : undefined),
    end_date: impossibleEnd ?? (end ? isoDate(end) : undefined),
    zip_code: location && /^\d{5}$/.test(location) ? location : undefined,
    category: textOf(categories)?.trim(),
    source_url: textOf(vevent.getFirstPropertyValue('url'))?.trim(),
  };
  errors.push(...piiErrors(index, 'SUMMARY', summary), ...piiErrors(index, 'DESCRIPTION', description));
  return { index, record, errors };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Streams an iCalendar text as batches of event records, yielding to the event loop between
 * batches. Throws ImportFileError for a broken file, too many events or no events at all.
 */
export async function* streamIcsEvents(text: string, limits: IcsLimits): AsyncGenerator<IcsEventRecord[]> {
  const batchSize = limits.batchSize ?? 250;
  let batch: IcsEventRecord[] = [];
  let total = 0;
  for (const block of icsEventBlocks(text, limits.maxEvents)) {
    batch.push(readEvent(block));
    total += 1;
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
      await yieldToEventLoop();
    }
  }
  if (batch.length > 0) yield batch;
  if (total === 0) throw new ImportFileError('The iCalendar file has no events (VEVENT).');
}

/** All events of a (small) iCalendar text at once; for tests and tools. */
export async function parseIcsEvents(
  text: string,
  limits: IcsLimits = { maxEvents: 20_000 },
): Promise<IcsEventRecord[]> {
  const all: IcsEventRecord[] = [];
  for await (const batch of streamIcsEvents(text, limits)) all.push(...batch);
  return all;
}
