// The malformed files of test/e2e/bad-input.e2e-spec.ts. Each carries a marker (CANARY) in the part
// that is wrong, so the test can check that no answer, run or log repeats what was refused.
import type { ImportKind } from '@lbi/contracts';

export const CANARY = 'Zebediah7q';

/** A file refused by POST /uploads itself: nothing is kept. */
export interface UploadRefusal {
  label: string;
  content: Buffer | string;
  filename?: string;
  status: number;
  message: RegExp;
}

/** A file POST /uploads accepts (it is a CSV or a calendar) whose import run fails, writing nothing. */
export interface RunFailure {
  label: string;
  kind: ImportKind;
  content: Buffer | string;
  filename?: string;
  message: RegExp;
}

const utf16le = (text: string, bom = true) =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
const EVENTS = `event_name,start_date\n${CANARY} Fair,2026-05-01\n`;
const ics = (body: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//lbi test//EN\r\n${body}END:VCALENDAR\r\n`;
const vevent = (lines: string) => `BEGIN:VEVENT\r\nUID:${CANARY}@lbi.test\r\n${lines}END:VEVENT\r\n`;

export const UPLOAD_REFUSALS: UploadRefusal[] = [
  { label: 'an empty file', content: '', status: 415, message: /the file is empty/ },
  { label: 'only blank lines', content: '\n\n\n', status: 415, message: /first line is empty/ },
  { label: 'a header of blank names', content: '  ,  \nx,y\n', status: 415, message: /not a CSV header/ },
  {
    label: 'an empty column name',
    content: `event_name,,start_date\n${CANARY},,2026-05-01\n`,
    status: 415,
    message: /non-empty column names/,
  },
  {
    label: 'an unterminated quote in the header',
    content: `"event_name,start_date\n${CANARY},2026-05-01\n`,
    status: 415,
    message: /not a CSV header/,
  },
  {
    label: 'a 300-character column name',
    content: `${CANARY}${'x'.repeat(300)},start_date\na,b\n`,
    status: 415,
    message: /over 200 characters/,
  },
  {
    label: 'control characters in the header',
    content: `event\u0001name,start_date\n${CANARY},2026-05-01\n`,
    status: 415,
    message: /control characters/,
  },
  { label: 'UTF-16 LE with a BOM', content: utf16le(EVENTS), status: 415, message: /NUL bytes/ },
  { label: 'UTF-16 BE with a BOM', content: utf16be(EVENTS), status: 415, message: /NUL bytes/ },
  { label: 'UTF-16 LE without a BOM', content: utf16le(EVENTS, false), status: 415, message: /NUL bytes/ },
  {
    label: 'Windows-1252 smart quotes',
    content: Buffer.from([
      ...Buffer.from('event_name,start_date\n'),
      0x93,
      0x46,
      0x61,
      0x69,
      0x72,
      0x94,
      0x2c,
      0x32,
      0x0a,
    ]),
    status: 415,
    message: /not UTF-8 text/,
  },
  {
    label: 'a PNG image named .csv',
    content: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]),
    status: 415,
    message: /binary/,
  },
  {
    label: 'a gzip archive named .csv',
    content: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c]),
    status: 415,
    message: /binary/,
  },
  {
    label: 'an XLSX (ZIP) workbook named .csv',
    content: Buffer.concat([
      Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000'),
      Buffer.from('[Content_Types].xml'),
    ]),
    status: 415,
    message: /binary/,
  },
  {
    label: 'an ELF executable named .csv',
    content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]),
    status: 415,
    message: /binary/,
  },
  {
    label: 'an RTF document named .csv',
    content: `{\\rtf1\\ansi ${CANARY}}\n`,
    status: 415,
    message: /a document, not a CSV/,
  },
  {
    label: 'a phone column (PII header)',
    content: `channel_type,name,phone\nlibrary,Lib,${CANARY}\n`,
    status: 400,
    message: /PII column "phone".*personal data is not accepted.*nothing was kept/,
  },
  {
    label: 'a calendar with ATTENDEE lines',
    content: ics(
      vevent(`DTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair\r\nATTENDEE;CN=${CANARY}:mailto:z@example.com\r\n`),
    ),
    filename: 'cal.ics',
    status: 400,
    message: /names people/,
  },
  {
    label: 'a calendar with a CONTACT line',
    content: ics(vevent(`DTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair\r\nCONTACT:${CANARY}\r\n`)),
    filename: 'cal.ics',
    status: 400,
    message: /names people/,
  },
  {
    label: 'a calendar over ICS_MAX_EVENTS (50 here)',
    content: ics(
      Array.from(
        { length: 51 },
        (_, i) =>
          `BEGIN:VEVENT\r\nUID:${i}\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair ${i}\r\nEND:VEVENT\r\n`,
      ).join(''),
    ),
    filename: 'cal.ics',
    status: 413,
    message: /more than 50 events \(ICS_MAX_EVENTS\); split it/,
  },
  {
    label: 'a calendar over ICS_MAX_BYTES (64 KiB here)',
    content: ics(
      vevent(`DTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair\r\n${`X-PAD:${'p'.repeat(70)}\r\n`.repeat(1000)}`),
    ),
    filename: 'cal.ics',
    status: 413,
    message: /at most 64 KiB \(ICS_MAX_BYTES\); split the calendar/,
  },
  {
    label: 'a UTF-16 calendar',
    content: utf16le(ics(vevent('DTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair\r\n'))),
    filename: 'cal.ics',
    status: 415,
    message: /NUL bytes/,
  },
];

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
    message: /row 2, column "start_date": the row has 4 fields where the header has 2/,
  },
  {
    label: 'an unterminated quote in a row',
    kind: 'events',
    content: `event_name,start_date\n"${CANARY},2026-05-01\nB,2026-05-02\n`,
    message: /row 2, column "event_name": the row has 1 fields where the header has 2/,
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
