import ICAL from 'ical.js';
import { findPii, PII_KIND_LABELS } from '@lbi/pii';
import type { PiiKind } from '@lbi/pii';
import { ImportFileError, RowError } from '@lbi/contracts';

// An iCalendar feed as an alternative to the events CSV: each VEVENT becomes one record with the
// events CSV's columns, then goes through the same validation. Only what the schema allows is kept:
// LOCATION is used only when it is a bare 5-digit ZIP (a street address is never stored), and the
// DESCRIPTION is read only to refuse PII in it.

export interface IcsEventRecord {
  /** Position of the VEVENT in the file, from 1. */
  index: number;
  record: Record<string, string | undefined>;
  /** PII found in SUMMARY/DESCRIPTION (never the value). */
  errors: RowError[];
}

function isoDate(time: ICAL.Time): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
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
  return [{ row: index, column: property, reason: `contains ${kind}; PII is not accepted` }];
}

/** Parses an iCalendar text into event records (one per VEVENT). */
export function parseIcsEvents(text: string): IcsEventRecord[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    throw new ImportFileError(
      `The iCalendar file could not be read: ${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}`,
    );
  }
  const vevents = root.getAllSubcomponents('vevent');
  if (vevents.length === 0) throw new ImportFileError('The iCalendar file has no events (VEVENT).');
  return vevents.map((vevent, i) => {
    const index = i + 1;
    const event = new ICAL.Event(vevent);
    const summary = textOf(event.summary)?.trim();
    const description = textOf(vevent.getFirstPropertyValue('description'));
    const location = textOf(event.location)?.trim();
    const start = event.startDate;
    let end = vevent.hasProperty('dtend') || vevent.hasProperty('duration') ? event.endDate : null;
    // An all-day event's DTEND is exclusive: a one-day event ends the day it starts.
    if (start && end && end.isDate) {
      const inclusive = end.clone();
      inclusive.adjust(-1, 0, 0, 0);
      end = inclusive.compare(start) >= 0 ? inclusive : start;
    }
    const categories = vevent.getFirstProperty('categories')?.getValues()[0];
    const record: Record<string, string | undefined> = {
      event_name: summary,
      start_date: start ? isoDate(start) : undefined,
      end_date: end ? isoDate(end) : undefined,
      zip_code: location && /^\d{5}$/.test(location) ? location : undefined,
      category: textOf(categories)?.trim(),
      source_url: textOf(vevent.getFirstPropertyValue('url'))?.trim(),
    };
    return {
      index,
      record,
      errors: [...piiErrors(index, 'SUMMARY', summary), ...piiErrors(index, 'DESCRIPTION', description)],
    };
  });
}
