import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  displayFilename,
  recogniseContent,
  storeUpload,
  UnsupportedContentError,
  uploadPath,
  UploadLimits,
  UploadPiiError,
  UploadTooLargeError,
} from './upload-storage';

const limits = (maxBytes: number, extra: Partial<UploadLimits> = {}): UploadLimits => ({
  maxBytes,
  icsMaxBytes: maxBytes,
  icsMaxEvents: 1000,
  ...extra,
});

describe('recogniseContent', () => {
  it('accepts CSV text with or without a BOM, and iCalendar', () => {
    expect(recogniseContent(Buffer.from('zip_code,year_built\n19002,1962\n'))).toBe('csv');
    expect(recogniseContent(Buffer.from('\uFEFFevent_name,start_date\r\n'))).toBe('csv');
    expect(recogniseContent(Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'))).toBe('ics');
  });

  it.each([
    ['a PDF', '%PDF-1.7\n1 0 obj\n'],
    ['binary', '\u0000\u0001\u0002'],
    ['an empty first line', '\nzip_code\n'],
    ['a header with an empty column', 'zip_code,,lat\n'],
  ])('refuses %s', (_label, text) => {
    expect(() => recogniseContent(Buffer.from(text))).toThrow(UnsupportedContentError);
  });

  it('refuses text that is not UTF-8', () => {
    expect(() => recogniseContent(Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0xe9, 0x0a]))).toThrow('not UTF-8');
  });
});

describe('storeUpload', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lbi-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the bytes under a random file_ref with size and sha256', async () => {
    const stored = await storeUpload(Readable.from([Buffer.from('zip_code\n19002\n')]), dir, limits(1000));
    expect(stored.fileRef).toMatch(/^[0-9a-f]{32}$/);
    expect(stored).toMatchObject({
      sizeBytes: 15,
      contentKind: 'csv',
      sha256: createHash('sha256').update('zip_code\n19002\n').digest('hex'),
    });
    expect(readFileSync(join(dir, stored.fileRef), 'utf8')).toBe('zip_code\n19002\n');
  });

  it('stops at the size limit and leaves nothing behind', async () => {
    const chunks = Array.from({ length: 20 }, () => Buffer.from('19002,1962\n'.repeat(10)));
    await expect(
      storeUpload(Readable.from([Buffer.from('zip_code,year_built\n'), ...chunks]), dir, limits(500)),
    ).rejects.toThrow(UploadTooLargeError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a NUL byte anywhere and leaves nothing behind', async () => {
    await expect(
      storeUpload(
        Readable.from([Buffer.from('zip_code\n'), Buffer.from([0x31, 0x00, 0x0a])]),
        dir,
        limits(1000),
      ),
    ).rejects.toThrow(UnsupportedContentError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('storeUpload refusals that keep nothing on disk', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lbi-refuse-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const calendar = (events: number, extra = '') =>
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n' +
    Array.from(
      { length: events },
      (_, i) =>
        `BEGIN:VEVENT\r\nUID:${i}\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair ${i}\r\n${extra}END:VEVENT\r\n`,
    ).join('') +
    'END:VCALENDAR\r\n';
  // One byte a chunk: markers cut across chunks are still seen.
  const bytes = (text: string) => Readable.from([...Buffer.from(text)].map((b) => Buffer.from([b])));

  it('refuses a CSV whose header names a PII column, before it is kept', async () => {
    await expect(
      storeUpload(Readable.from([Buffer.from('zip_code,Owner Name,email\n19002,x,y\n')]), dir, limits(1000)),
    ).rejects.toThrow(UploadPiiError);
    await expect(
      storeUpload(Readable.from([Buffer.from('jane@example.com,19002\n')]), dir, limits(1000)),
    ).rejects.toThrow(/PII column "column 1"/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a calendar that names people (ORGANIZER / ATTENDEE), even split byte by byte', async () => {
    const text = calendar(2, 'ORGANIZER;CN=Pat:mailto:pat@example.org\r\n');
    await expect(storeUpload(bytes(text), dir, limits(100_000))).rejects.toThrow(
      /names people \(ORGANIZER, ATTENDEE or CONTACT/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('caps calendars by size and by events with their own limits, byte by byte too', async () => {
    await expect(
      storeUpload(bytes(calendar(30)), dir, limits(100_000, { icsMaxEvents: 25 })),
    ).rejects.toThrow(/more than 25 events \(ICS_MAX_EVENTS\)/);
    await expect(
      storeUpload(Readable.from([Buffer.from(calendar(40))]), dir, limits(100_000, { icsMaxBytes: 2048 })),
    ).rejects.toThrow(/iCalendar files may be at most 2 KiB \(ICS_MAX_BYTES\)/);
    // A CSV of the same size is fine: the calendar limits apply to calendars.
    const csv = 'event_name,start_date\n' + 'Fair,2026-06-01\n'.repeat(200);
    await expect(
      storeUpload(Readable.from([Buffer.from(csv)]), dir, limits(100_000, { icsMaxBytes: 2048 })),
    ).resolves.toMatchObject({ contentKind: 'csv' });
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('stops at the space left in the quota with the message it is given', async () => {
    await expect(
      storeUpload(
        Readable.from([Buffer.from('zip_code\n' + '19002\n'.repeat(100))]),
        dir,
        limits(100_000, {
          remainingQuotaBytes: 200,
          quotaMessage: (needed) => `quota: needs ${needed}`,
        }),
      ),
    ).rejects.toThrow(/^quota: needs \d+$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('paths and names', () => {
  it('never builds a path from anything but a file_ref', () => {
    expect(uploadPath('/data/uploads', 'a'.repeat(32))).toBe(`/data/uploads/${'a'.repeat(32)}`);
    expect(() => uploadPath('/data/uploads', '../etc/passwd')).toThrow();
  });

  it('keeps a display name without directories or control characters', () => {
    expect(displayFilename('../../etc/passwd')).toBe('passwd');
    expect(displayFilename('C:\\Users\\x\\events.csv')).toBe('events.csv');
    expect(displayFilename('a\u0000b\u001f.csv')).toBe('ab.csv');
    expect(displayFilename(undefined)).toBe('upload');
  });
});
