import Papa from 'papaparse';
import { engineReport } from './engine-report.fixture';
import { CSV_BOM, renderReportCsv } from './report-csv';
import { sampleReport } from './sample-report.fixture';

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv.slice(CSV_BOM.length), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('renderReportCsv', () => {
  it('writes a BOM, CRLF line ends and one row per top ZIP under a header, in rank order', () => {
    const payload = sampleReport();
    payload.top_zips.reverse(); // the renderer orders by rank, not by array position
    const csv = renderReportCsv(payload);

    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false); // no bare LF outside quoted fields here
    const rows = parse(csv);
    expect(rows).toHaveLength(11);
    expect(rows[0].slice(0, 5)).toEqual(['rank', 'zip_code', 'zcta', 'score', 'households']);
    expect(rows[0].slice(5, 10)).toEqual(['households_moe', 'zip_codes', 'tier', 'score_moe', 'vintage']);
    expect(rows[0].slice(10, 14)).toEqual([
      'owner_share_value',
      'owner_share_moe',
      'owner_share_percentile',
      'owner_share_contribution',
    ]);
    expect(rows[0].slice(-2)).toEqual(['why', 'warnings']);
    expect(rows[0]).toHaveLength(10 + 5 * 10 + 2);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('round-trips every figure, with the components in their named columns', () => {
    const payload = sampleReport();
    const rows = parse(renderReportCsv(payload));
    const header = rows[0];
    const first = Object.fromEntries(header.map((name, i) => [name, rows[1][i]]));
    const zip = payload.top_zips[0];
    const built = zip.components.find((c) => c.feature === 'median_year_built')!;

    expect(first).toMatchObject({
      zip_code: '19083',
      zcta: '19083',
      score: String(zip.score),
      households: '18650',
      median_year_built_value: '1948',
      median_year_built_moe: '3',
      median_year_built_percentile: String(built.percentile),
      median_year_built_contribution: String(built.contribution),
      upcoming_events_moe: '',
      why: zip.why.join(' '),
      warnings: '',
    });
    expect(Object.fromEntries(header.map((name, i) => [name, rows[5][i]])).warnings).toBe(
      payload.top_zips[4].warnings[0],
    );
  });

  it('quotes commas, doubled quotes, CR and LF inside why and warnings', () => {
    const payload = sampleReport();
    payload.top_zips[0].why = ['Roofs, gutters and "slate" roofs;\r\nline two', 'next\nline'];
    payload.top_zips[0].warnings = ['CV 34%, small sample', 'other "one"'];
    const csv = renderReportCsv(payload);

    expect(csv).toContain('"Roofs, gutters and ""slate"" roofs;\r\nline two next\nline"');
    const rows = parse(csv);
    expect(rows).toHaveLength(11);
    expect(rows[1].at(-2)).toBe('Roofs, gutters and "slate" roofs;\r\nline two next\nline');
    expect(rows[1].at(-1)).toBe('CV 34%, small sample; other "one"');
  });

  it('neutralises text cells that a spreadsheet would run as a formula', () => {
    const payload = sampleReport();
    payload.top_zips[0].why = ['=HYPERLINK("http://evil.example","click")'];
    payload.top_zips[1].why = ['+1+cmd'];
    payload.top_zips[2].why = ['-2+3'];
    payload.top_zips[3].why = ['@SUM(A1)'];
    payload.top_zips[4].why = ['\tleading tab'];
    payload.top_zips[5].warnings = ['=1+1'];
    payload.top_zips[6].zip_code = '=cmd|calc';
    const rows = parse(renderReportCsv(payload));
    const why = rows.slice(1).map((row) => row.at(-2));

    expect(why.slice(0, 5)).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      "'+1+cmd",
      "'-2+3",
      "'@SUM(A1)",
      "'\tleading tab",
    ]);
    expect(rows[6].at(-1)).toBe("'=1+1");
    expect(rows[7][1]).toBe("'=cmd|calc");
    // Text that only contains a trigger later on is left alone.
    expect(rows[8].at(-2)).toBe(payload.top_zips[7].why.join(' '));
  });

  it('keeps numbers numeric, negative ones included, and writes missing figures as empty cells', () => {
    const payload = sampleReport();
    const component = payload.top_zips[0].components[0];
    component.contribution = -0.0425;
    component.value = 0.1 + 0.2;
    component.percentile = null;
    payload.top_zips[0].households = null;
    payload.top_zips[0].zcta = null;
    const rows = Papa.parse<Record<string, unknown>>(renderReportCsv(payload).slice(1), {
      header: true,
      dynamicTyping: true,
      skipEmptyLines: true,
    }).data;

    expect(rows[0]).toMatchObject({
      rank: 1,
      score: 91.4,
      households: null,
      zcta: null,
      owner_share_value: 0.3,
      owner_share_percentile: null,
      owner_share_contribution: -0.0425,
    });
    expect(typeof rows[1].median_home_value_value).toBe('number');
  });

  it('writes the header alone when no ZIP was scored', () => {
    const payload = sampleReport();
    payload.top_zips = [];
    expect(renderReportCsv(payload)).toBe(
      `${CSV_BOM}rank,zip_code,zcta,score,households,households_moe,zip_codes,tier,score_moe,vintage,why,warnings\r\n`,
    );
  });

  it('carries tiers, score margins, significance, censored medians and the one vintage of a real report', () => {
    const payload = engineReport('roofing');
    const rows = Papa.parse<Record<string, string>>(renderReportCsv(payload).slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r.tier)).toEqual(payload.top_zips.map((t) => String(t.tier)));
    expect(rows.every((r) => r.vintage === '2023')).toBe(true);
    const villanova = rows.find((r) => r.zip_code === '19085')!;
    expect(villanova).toMatchObject({
      zip_codes: '19085',
      median_household_income_value: '250001',
      median_household_income_display: '$250,000+',
      median_household_income_censored: 'top',
      owner_share_comparison: 'higher',
    });
    expect(villanova.score_moe).toMatch(/^\d+(\.\d)?$/);
    expect(rows.map((r) => r.why).join(' ')).not.toMatch(/250,001/);
    expect(rows.map((r) => r.why).join(' ')).toMatch(/significant at 90%/);
  });
});
