import { requireCategory } from './categories';
import { buildReport } from './report';
import { AS_OF, geography, signals } from './spec-helpers';
import { nextSeason, peakRuns, timingWindow } from './timing';
import type { EventInput } from './types';

describe('timing window', () => {
  it('groups peak months circularly', () => {
    expect(peakRuns([11, 12, 1, 2])).toEqual([[11, 12, 1, 2]]);
    expect(peakRuns([4, 5, 6, 8, 9, 10])).toEqual([
      [4, 5, 6],
      [8, 9, 10],
    ]);
  });

  it('crosses a year boundary: roofing in late November plans for next April, then August', () => {
    const w = timingWindow(requireCategory('roofing'), '2026-11-26', [], ['19401']);
    expect(w.start_date).toBe('2027-02-18'); // 6 weeks before 2027-04-01
    expect(w.end_date).toBe('2027-06-30');
    expect(w.seasons!.map((s) => s.start_date)).toEqual(['2027-02-18', '2027-06-20']);
    expect(w.why.join(' ')).toMatch(/No upcoming events/);
  });

  it('a winter peak spans New Year (plumbing Nov-Feb)', () => {
    expect(nextSeason([11, 12, 1, 2], '2026-09-01')).toEqual({
      peakStart: '2026-11-01',
      peakEnd: '2027-02-28',
      run: [11, 12, 1, 2],
    });
    const w = timingWindow(requireCategory('plumbing'), '2026-09-01', [], []);
    expect(w.start_date).toBe('2026-10-04');
    expect(w.end_date).toBe('2027-02-28');
  });

  it('starts now when the lead time has begun, and says so', () => {
    const w = timingWindow(requireCategory('roofing'), '2027-03-15', [], []);
    expect(w.start_date).toBe('2027-03-15');
    expect(w.why.join(' ')).toMatch(/lead time has already begun/);
  });

  it('starts now inside a season in progress and says it is under way', () => {
    const w = timingWindow(requireCategory('moving'), '2026-07-01', [], []);
    expect(w.seasons![0]).toMatchObject({
      in_progress: true,
      start_date: '2026-07-01',
      end_date: '2026-09-30',
    });
    expect(w.why[0]).toMatch(/this season is under way \(2026-05-01 to 2026-09-30\): start now/);
  });

  it('events in the top ZIPs move the start earlier and extend the end; others are ignored', () => {
    const events: EventInput[] = [
      {
        event_name: 'Home Show',
        start_date: '2027-01-30',
        end_date: '2027-01-31',
        zip_code: '19401',
        category: null,
      },
      {
        event_name: 'Roof Expo',
        start_date: '2027-07-20',
        end_date: '2027-07-22',
        zip_code: null,
        category: 'roofing',
      },
      {
        event_name: 'Other ZIP fair',
        start_date: '2027-01-10',
        end_date: null,
        zip_code: '19999',
        category: null,
      },
      {
        event_name: 'Moving day',
        start_date: '2027-01-05',
        end_date: null,
        zip_code: '19401',
        category: 'moving',
      },
    ];
    const w = timingWindow(requireCategory('roofing'), '2026-11-26', events, ['19401']);
    expect(w.start_date).toBe('2027-01-16');
    expect(w.end_date).toBe('2027-07-22');
    expect(w.events.map((e) => e.event_name)).toEqual(['Home Show', 'Roof Expo']);
    expect(w.why.join(' ')).toMatch(/moved earlier to 2027-01-16/);
    expect(w.events.every((e) => e.why.length > 0)).toBe(true);
  });

  it('buildReport passes events through: solar in late November waits for mid-April, with no December rush', () => {
    const r = buildReport({
      geography: geography(),
      category: 'solar',
      as_of: AS_OF,
      census_signals: signals,
      events: [
        {
          event_name: 'Solar open house',
          start_date: '2027-02-10',
          end_date: null,
          zip_code: null,
          category: 'solar',
        },
      ],
    });
    expect(r.timing_window.peak_months).not.toContain(12);
    // 14 days before the open house, ahead of the seasonal start (6 weeks before 2027-04-01).
    expect(r.timing_window.start_date).toBe('2027-01-27');
    expect(r.timing_window.events).toHaveLength(1);
  });
});
