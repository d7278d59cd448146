// The malformed files of test/e2e/bad-input.e2e-spec.ts. Each carries a marker (CANARY) in the part
// that is wrong, so the test can check that no answer, run or log line repeats what was refused.

export const CANARY = 'Zebediah7q';

/** A file refused by POST /uploads itself: nothing is kept. */
export interface UploadRefusal {
  label: string;
  content: Buffer | string;
  filename?: string;
  status: number;
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
export const ics = (body: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//lbi test//EN\r\n${body}END:VCALENDAR\r\n`;
export const vevent = (lines: string) => `BEGIN:VEVENT\r\nUID:${CANARY}@lbi.test\r\n${lines}END:VEVENT\r\n`;

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
