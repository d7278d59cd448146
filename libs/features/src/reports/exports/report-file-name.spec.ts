import { reportFileName, slugify } from './report-file-name';
import { sampleReport } from './sample-report.fixture';

describe('reportFileName', () => {
  it('names the export after category, geography and date', () => {
    const payload = sampleReport();
    expect(reportFileName(payload, 'csv')).toBe('lbi-roofing-philadelphia-suburbs-2026-11-26.csv');
    expect(reportFileName(payload, 'pdf')).toBe('lbi-roofing-philadelphia-suburbs-2026-11-26.pdf');
  });

  it('keeps only characters safe in a Content-Disposition header and on any file system', () => {
    const payload = sampleReport();
    payload.category = { id: 'lawn_landscaping', label: 'Lawn & landscaping' };
    payload.geography.name = 'Montréal "Nord" / Laval; rm -rf\r\nX-Evil: 1 — ünïcode 🏠';
    payload.as_of = '2026-11-26T10:00:00Z';
    const name = reportFileName(payload, 'json');

    expect(name).toBe('lbi-lawn-landscaping-montreal-nord-laval-rm-rf-x-evil-1-unicode-2026-11-26.json');
    expect(name).toMatch(/^[a-z0-9.-]+$/);
  });

  it('falls back when a part slugifies to nothing', () => {
    const payload = sampleReport();
    payload.category = { id: '', label: '★★' };
    payload.geography.name = '東京';
    payload.as_of = 'unknown';
    expect(reportFileName(payload, 'csv')).toBe('lbi-category-geography-undated.csv');
  });

  it('caps long names', () => {
    expect(slugify('a'.repeat(200)).length).toBe(60);
    expect(slugify(`${'ab '.repeat(30)}`)).not.toMatch(/-$/);
  });
});
