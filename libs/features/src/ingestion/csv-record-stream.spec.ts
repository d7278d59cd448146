import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceRecord, streamCsvRecords } from './csv-record-stream';
import { ImportFileError } from '@lbi/contracts';

describe('streamCsvRecords', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'lbi-csv-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function read(text: string): Promise<SourceRecord[]> {
    const path = join(dir, `f${Math.random().toString(16).slice(2)}`);
    writeFileSync(path, text);
    const records: SourceRecord[] = [];
    for await (const batch of streamCsvRecords(path, 'events')) records.push(...batch);
    return records;
  }

  it('yields records keyed by the normalised header, numbered as spreadsheet rows', async () => {
    const records = await read(
      '\uFEFFEvent_Name, Start_Date\r\n"Fair, with a comma",2026-05-01\r\n\r\nShow,2026-06-01\r\n',
    );
    expect(records).toEqual([
      { row: 2, record: { event_name: 'Fair, with a comma', start_date: '2026-05-01' } },
      { row: 3, record: { event_name: 'Show', start_date: '2026-06-01' } },
    ]);
  });

  it('flags a row whose field count differs from the header', async () => {
    const [record] = await read('event_name,start_date\nFair\n');
    expect(record.errors).toEqual([
      { row: 2, column: 'event_name', reason: 'the row has 1 fields where the header has 2' },
    ]);
  });

  it('refuses a bad header before reading rows, and an empty file', async () => {
    await expect(read('event_name,start_date,owner_name\nFair,2026-05-01,x\n')).rejects.toThrow(
      ImportFileError,
    );
    await expect(read('')).rejects.toThrow('no header row');
  });

  it('stops at a record over 64 KB (an unclosed quote) with the line it starts on, in linear time', async () => {
    // Eight MB after an unclosed quote: the parser alone re-read the growing field on every chunk.
    const text =
      'event_name,start_date\nFair,2026-05-01\n"Unclosed,2026-05-02\n' + 'x,2026-05-03\n'.repeat(600_000);
    await expect(read(text)).rejects.toThrow(
      'The record that starts on line 3 is longer than 64 KB: is a quote (") left unclosed? Nothing was imported.',
    );
  });

  it('accepts quoted fields with newlines and escaped quotes under the limit', async () => {
    const records = await read(
      'event_name,start_date\n"Fair ""East""\nsecond line",2026-05-01\nShow,2026-06-01\n',
    );
    expect(records.map((r) => r.record.event_name)).toEqual(['Fair "East"\nsecond line', 'Show']);
  });
});
