import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { parseIcsEvents, streamIcsEvents } from './ics-events';
import { ImportFileError } from '@lbi/contracts';

const calendar = (body: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body}END:VCALENDAR\r\n`;

describe('parseIcsEvents', () => {
  it('maps VEVENTs onto the events columns (all-day DTEND is exclusive)', async () => {
    const events = await parseIcsEvents(
      readFileSync(join(__dirname, '../../../../test/fixtures/events.ics'), 'utf8'),
    );
    expect(events).toEqual([
      {
        index: 1,
        errors: [],
        record: {
          event_name: 'Ambler Spring Home & Garden Show',
          start_date: '2026-04-11',
          end_date: '2026-04-12',
          zip_code: '19002',
          category: 'home_show',
          source_url: 'https://example.org/ambler-home-show',
        },
      },
      {
        index: 2,
        errors: [],
        record: expect.objectContaining({
          event_name: 'Wayne Township Farmers Market Opening Day',
          start_date: '2026-05-02',
          end_date: '2026-05-02',
          // A LOCATION that is not a bare ZIP (a place, a street address) is never kept.
          zip_code: undefined,
        }),
      },
    ]);
  });

  it('reports PII in SUMMARY or DESCRIPTION without the value', async () => {
    const [event] = await parseIcsEvents(
      calendar(
        'BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:Open house\r\nDESCRIPTION:RSVP to pat.smith@example.com\r\nEND:VEVENT\r\n',
      ),
    );
    expect(event.errors).toEqual([
      { row: 1, column: 'DESCRIPTION', reason: expect.stringContaining('PII is not accepted'), pii: true },
    ]);
    expect(JSON.stringify(event)).not.toContain('pat.smith');
  });

  it('hands an impossible date (20240230) to the validator as written, not rolled over to March', async () => {
    const [allDay, timed] = await parseIcsEvents(
      calendar(
        'BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20240230\r\nDTEND;VALUE=DATE:20240231\r\nSUMMARY:Fair\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:2\r\nDTSTART:20250229T100000Z\r\nSUMMARY:Fair\r\nEND:VEVENT\r\n',
      ),
    );
    expect(allDay.record).toMatchObject({ start_date: '2024-02-30', end_date: '2024-02-31' });
    expect(timed.record).toMatchObject({ start_date: '2025-02-29' });
    const [valid] = await parseIcsEvents(
      calendar('BEGIN:VEVENT\r\nUID:3\r\nDTSTART:20240229T100000Z\r\nSUMMARY:Leap day\r\nEND:VEVENT\r\n'),
    );
    expect(valid.record).toMatchObject({ start_date: '2024-02-29', end_date: undefined });
  });

  it('refuses a calendar without events or one that does not parse', async () => {
    await expect(parseIcsEvents(calendar(''))).rejects.toThrow(ImportFileError);
    await expect(parseIcsEvents('BEGIN:VCALENDAR\r\nnot a line\r\n')).rejects.toThrow(ImportFileError);
  });

  it('never quotes the file in its errors: a broken line with a name, email, phone and street', async () => {
    const line = 'Jane Quimby jane@example.com 215-555-0142 12 Oak Street';
    const broken = calendar(`BEGIN:VEVENT\r\nUID:1\r\n${line}\r\nEND:VEVENT\r\n`);
    const error = (await parseIcsEvents(broken).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error.message).toBe(
      'The iCalendar file could not be read: line 6 is not a property line (NAME:value).',
    );
    const badValue = calendar(`BEGIN:VEVENT\r\nUID:1\r\nDTSTART:${line}\r\nSUMMARY:x\r\nEND:VEVENT\r\n`);
    const second = await parseIcsEvents(badValue).catch((e: unknown) => e as Error);
    expect(JSON.stringify(second)).not.toMatch(/Quimby|jane@|555|Oak/);
    expect(String(second instanceof Error ? second.message : JSON.stringify(second))).not.toMatch(
      /Quimby|jane@|555|Oak/,
    );
  });

  it('refuses events that name people, flagging them as personal data', async () => {
    const [event] = await parseIcsEvents(
      calendar(
        'BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair\r\nORGANIZER;CN=Pat:mailto:pat@example.org\r\nATTENDEE:mailto:sam@example.org\r\nEND:VEVENT\r\n',
      ),
    );
    expect(event.errors.map((e) => [e.column, e.pii])).toEqual([
      ['ORGANIZER', true],
      ['ATTENDEE', true],
    ]);
  });

  it('caps the number of events with a clear message', async () => {
    const many = Array.from(
      { length: 6 },
      (_, i) => `BEGIN:VEVENT\r\nUID:${i}\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:F${i}\r\nEND:VEVENT\r\n`,
    ).join('');
    await expect(parseIcsEvents(calendar(many), { maxEvents: 5 })).rejects.toThrow(
      'The calendar has more than 5 events; split it into smaller files.',
    );
  });

  it('parses 20,000 events one small block at a time, yielding to the event loop between batches', async () => {
    const events = Array.from(
      { length: 20_000 },
      (_, i) =>
        `BEGIN:VEVENT\r\nUID:e${i}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:Fair ${i}\r\nEND:VEVENT\r\n`,
    ).join('');
    const parse = jest.spyOn(ICAL, 'parse');
    let turns = 0;
    let stop = false;
    const tick = () => {
      turns += 1;
      if (!stop) setImmediate(tick);
    };
    setImmediate(tick);
    let count = 0;
    for await (const batch of streamIcsEvents(calendar(events), { maxEvents: 20_000 })) count += batch.length;
    stop = true;
    expect(count).toBe(20_000);
    // Linear: one parse per event, each of one event's few lines (never the whole file).
    expect(parse).toHaveBeenCalledTimes(20_000);
    expect(Math.max(...parse.mock.calls.map(([text]) => String(text).length))).toBeLessThan(200);
    // The event loop ran between batches (250 events each): other requests are not held up.
    expect(turns).toBeGreaterThanOrEqual(70);
    parse.mockRestore();
  });
});
