import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIcsEvents } from './ics-events';
import { ImportFileError } from '@lbi/contracts';

const calendar = (body: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body}END:VCALENDAR\r\n`;

describe('parseIcsEvents', () => {
  it('maps VEVENTs onto the events columns (all-day DTEND is exclusive)', () => {
    const events = parseIcsEvents(
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

  it('reports PII in SUMMARY or DESCRIPTION without the value', () => {
    const [event] = parseIcsEvents(
      calendar(
        'BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260601\r\nSUMMARY:Open house\r\nDESCRIPTION:RSVP to pat.smith@example.com\r\nEND:VEVENT\r\n',
      ),
    );
    expect(event.errors).toEqual([
      { row: 1, column: 'DESCRIPTION', reason: expect.stringContaining('PII is not accepted') },
    ]);
    expect(JSON.stringify(event)).not.toContain('pat.smith');
  });

  it('refuses a calendar without events or one that does not parse', () => {
    expect(() => parseIcsEvents(calendar(''))).toThrow(ImportFileError);
    expect(() => parseIcsEvents('BEGIN:VCALENDAR\r\nnot a line\r\n')).toThrow(ImportFileError);
  });
});
