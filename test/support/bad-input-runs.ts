// The files of test/e2e/bad-input.e2e-spec.ts that POST /uploads accepts (a well-formed CSV or calendar)
// and whose import run must fail, naming row or line and column, and write nothing.
import type { ImportKind } from '@lbi/contracts';
import { CANARY, ics, vevent } from './bad-input-files';

/** A file POST /uploads accepts (it is a CSV or a calendar) whose import run fails, writing nothing. */
export interface RunFailure {
  label: string;
  kind: ImportKind;
  content: Buffer | string;
  filename?: string;
  message: RegExp;
}

export const RUN_FAILURES: RunFailure[] = [
  {
    label: 'a header only',
    kind: 'events',
    content: 'event_name,start_date\n',
    message: /has a header but no data rows/,
  },
  {
    label: 'a header only, without a newline',
    kind: 'events',
    content: 'event_name,start_date',
    message: /has a header but no data rows/,
  },
  {
    label: 'semicolons as delimiter',
    kind: 'events',
    content: `event_name;start_date\n${CANARY};2026-05-01\n`,
    message: /unknown column at position 1 \(of 1\).*Allowed columns/,
  },
  {
    label: 'tabs as delimiter',
    kind: 'events',
    content: `event_name\tstart_date\n${CANARY}\t2026-05-01\n`,
    message: /unknown column at position 1 \(of 1\)/,
  },
  {
    label: 'mixed line endings (CRLF, LF, CR)',
    kind: 'events',
    content: `event_name,start_date\r\n${CANARY},2026-05-01\nB,2026-05-02\rC,2026-05-03\r\n`,
    message:
      /row 2, column "start_date": the row has 4 fields where the header has 2 \(a field holds a line break: .*do the line endings change within the file\?\)/,
  },
  {
    label: 'an unterminated quote in a row',
    kind: 'events',
    content: `event_name,start_date\n"${CANARY},2026-05-01\nB,2026-05-02\n`,
    message:
      /row 2, column "event_name": the row has 1 fields where the header has 2 \(a field holds a line break: is a quote \("\) left unclosed/,
  },
  {
    label: 'a row with an extra field',
    kind: 'events',
    content: `event_name,start_date\n${CANARY},2026-05-01,extra\n`,
    message: /row 2, .*the row has 3 fields where the header has 2/,
  },
  {
    label: '2024-02-30',
    kind: 'events',
    content: `event_name,start_date\n${CANARY},2024-02-30\n`,
    message: /row 2, column "start_date": is not a real calendar date/,
  },
  {
    label: '2023-02-29 (not a leap year)',
    kind: 'events',
    content: `event_name,start_date\n${CANARY},2023-02-29\n`,
    message: /row 2, column "start_date": is not a real calendar date/,
  },
  {
    label: 'a US-style date',
    kind: 'events',
    content: `event_name,start_date\n${CANARY},05/01/2026\n`,
    message: /row 2, column "start_date": is not a date in the form YYYY-MM-DD/,
  },
  {
    label: 'an end before the start',
    kind: 'events',
    content: `event_name,start_date,end_date\n${CANARY},2026-05-02,2026-05-01\n`,
    message: /row 2, column "end_date": is before start_date/,
  },
  {
    label: 'a negative attendance',
    kind: 'events',
    content: `event_name,start_date,estimated_attendance\n${CANARY},2026-05-01,-40\n`,
    message: /column "estimated_attendance": must be between 0 and 10000000/,
  },
  {
    label: 'a negative reach',
    kind: 'channels',
    content: `channel_type,name,zip_code,estimated_reach\nlibrary,${CANARY},19002,-5\n`,
    message: /row 2, column "estimated_reach": must be between 0 and 100000000/,
  },
  {
    label: 'a reach of 10^23',
    kind: 'channels',
    content: `channel_type,name,zip_code,estimated_reach\nlibrary,${CANARY},19002,99999999999999999999999\n`,
    message: /column "estimated_reach": must be between 0 and 100000000/,
  },
  {
    label: 'a reach of 1e308 written out',
    kind: 'channels',
    content: `channel_type,name,zip_code,estimated_reach\nlibrary,${CANARY},19002,1e308\n`,
    message: /column "estimated_reach": is not a whole number/,
  },
  {
    label: 'a text reach',
    kind: 'channels',
    content: `channel_type,name,zip_code,estimated_reach\nlibrary,${CANARY},19002,lots\n`,
    message: /column "estimated_reach": is not a whole number/,
  },
  {
    label: 'a fractional year_built',
    kind: 'property',
    content: `zip_code,year_built\n19002,1960.5\n`,
    message: /column "year_built": is not a whole number/,
  },
  {
    label: 'a latitude of 9e99',
    kind: 'property',
    content: `zip_code,lat,lon\n19002,9e99,-75.2\n`,
    message: /column "lat": is not a number/,
  },
  {
    label: 'a four-digit ZIP (leading zero lost)',
    kind: 'events',
    content: `event_name,start_date,zip_code\n${CANARY},2026-05-01,1900\n`,
    message: /has 4 digits; a ZIP code has 5/,
  },
  {
    label: 'a ZIP outside the geography',
    kind: 'events',
    content: `event_name,start_date,zip_code\n${CANARY},2026-05-01,90210\n`,
    message: /ZIP 90210 is not one of this geography's ZIP codes/,
  },
  {
    label: 'SQL injection in a ZIP cell',
    kind: 'channels',
    content: `channel_type,name,zip_code\nlibrary,${CANARY},"19002'; DROP TABLE channels; --"\n`,
    message: /column "zip_code": is not a 5-digit ZIP code/,
  },
  {
    label: 'SQL injection in a channel type',
    kind: 'channels',
    content: `channel_type,name\n"library' OR '1'='1",${CANARY}\n`,
    message: /column "channel_type": is not a channel type; use one of: hoa/,
  },
  {
    label: 'a formula (=cmd) in a category',
    kind: 'events',
    content: `event_name,start_date,category\n${CANARY},2026-05-01,"=cmd|' /C calc'!A0"\n`,
    message: /column "category": may hold only letters, digits/,
  },
  {
    label: 'a formula (+) in a category',
    kind: 'events',
    content: `event_name,start_date,category\n${CANARY},2026-05-01,+SUM(A1:A9)\n`,
    message: /column "category": may hold only letters/,
  },
  {
    label: 'a formula (-) in a category',
    kind: 'events',
    content: `event_name,start_date,category\n${CANARY},2026-05-01,-2+3+cmd\n`,
    message: /column "category": may hold only letters/,
  },
  {
    label: 'a formula (@) in a category',
    kind: 'events',
    content: `event_name,start_date,category\n${CANARY},2026-05-01,@SUM(A1)\n`,
    message: /column "category": may hold only letters/,
  },
  {
    label: 'a javascript: website',
    kind: 'channels',
    content: `channel_type,name,zip_code,website\nlibrary,${CANARY},19002,javascript:alert(1)\n`,
    message: /column "website": must be an http\(s\) URL/,
  },
  {
    label: 'an unknown column',
    kind: 'events',
    content: `event_name,start_date,${CANARY}\nFair,2026-05-01,x\n`,
    message: /unknown column at position 3 \(of 3\)/,
  },
  {
    label: 'a duplicated column',
    kind: 'events',
    content: `event_name,start_date,start_date\n${CANARY},2026-05-01,2026-05-02\n`,
    message: /Column "start_date" appears more than once/,
  },
  {
    label: 'a missing required column',
    kind: 'events',
    content: `event_name\n${CANARY}\n`,
    message: /Missing required column "start_date"/,
  },
  {
    label: 'an empty required cell',
    kind: 'channels',
    content: `channel_type,name,zip_code\nlibrary,,19002\n`,
    message: /row 2, column "name": is required and empty/,
  },
  {
    label: 'a calendar without events',
    kind: 'events',
    content: ics(''),
    filename: 'cal.ics',
    message: /has no events \(VEVENT\)/,
  },
  {
    label: 'a calendar cut off before END:VCALENDAR',
    kind: 'events',
    content: ics(vevent('DTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair\r\n')).replace('END:VCALENDAR\r\n', ''),
    filename: 'cal.ics',
    message: /ends before END:VCALENDAR/,
  },
  {
    label: 'a calendar line that is not NAME:value',
    kind: 'events',
    content: ics(
      vevent(`DTSTART;VALUE=DATE:20260601\r\n${CANARY} lives at 12 Oak Street\r\nSUMMARY:Fair\r\n`),
    ),
    filename: 'cal.ics',
    message: /line 7 is not a property line \(NAME:value\)/,
  },
  {
    label: 'a calendar END without BEGIN',
    kind: 'events',
    content: ics('END:VTODO\r\n'),
    filename: 'cal.ics',
    message: /ends a component that was never begun/,
  },
  {
    label: 'an event without DTSTART',
    kind: 'events',
    content: ics(vevent(`SUMMARY:${CANARY}\r\n`)),
    filename: 'cal.ics',
    message: /event 1, column "start_date": is required and empty/,
  },
  {
    label: 'an event on 20240230',
    kind: 'events',
    content: ics(vevent(`DTSTART;VALUE=DATE:20240230\r\nSUMMARY:${CANARY}\r\n`)),
    filename: 'cal.ics',
    message: /event 1, column "start_date": is not a real calendar date/,
  },
  {
    label: 'an event ending on 20250229',
    kind: 'events',
    content: ics(vevent(`DTSTART;VALUE=DATE:20250220\r\nDTEND;VALUE=DATE:20250229\r\nSUMMARY:${CANARY}\r\n`)),
    filename: 'cal.ics',
    message: /event 1, column "end_date": is not a real calendar date/,
  },
  {
    label: 'an event with a phone number in its SUMMARY',
    kind: 'events',
    content: ics(vevent(`DTSTART;VALUE=DATE:20260601\r\nSUMMARY:${CANARY} call 215-555-0142\r\n`)),
    filename: 'cal.ics',
    message: /event 1, column "SUMMARY": contains a phone number; PII is not accepted/,
  },
];
