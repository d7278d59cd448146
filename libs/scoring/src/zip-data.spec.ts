import { selectVintage } from './vintage';
import { collectZipData, readMoe } from './zip-data';

describe('readMoe', () => {
  it('reads annotation codes instead of treating them as figures', () => {
    expect(readMoe(36)).toEqual({ moe: 36, moe_code: null });
    expect(readMoe(-222222222)).toEqual({ moe: null, moe_code: '-222222222' });
    expect(readMoe(-333333333)).toEqual({ moe: null, moe_code: '-333333333' });
    expect(readMoe(-555555555)).toEqual({ moe: 0, moe_code: '-555555555' });
    expect(readMoe(null)).toEqual({ moe: null, moe_code: null });
  });
});

describe('collectZipData groups ZIPs by ZCTA', () => {
  // Real crosswalk: 18922 and 18956 are PO-box ZIPs inside ZCTA 18925 (figures: real 2023 households).
  const signal = (zip: string) => ({
    zip_code: zip,
    zcta: '18925',
    metric: 'occupied_units',
    value: 2195,
    margin_of_error: 244,
  });

  it('keeps one figure per ZCTA, lists its ZIPs and sums property aggregates once per ZIP', () => {
    const data = collectZipData(
      ['18956', '18925', '18922', '00901'],
      [signal('18956'), signal('18922'), signal('18925')],
      [
        { zip_code: '18922', property_count: 10, median_year_built: 1990 },
        { zip_code: '18925', property_count: 30, median_year_built: 1970 },
      ],
      [{ event_name: 'Fair', start_date: '2026-12-01', end_date: null, zip_code: '18956', category: null }],
      'roofing',
      '2026-11-26',
      [{ zip: '00901', zcta: null }],
    );
    expect([...data.keys()].sort()).toEqual(['00901', '18925']);
    const furlong = data.get('18925')!;
    expect(furlong.zip_codes).toEqual(['18922', '18925', '18956']);
    expect(furlong.census.get('occupied_units')).toEqual({ value: 2195, moe: 244, moe_code: null });
    expect(furlong.property).toMatchObject({ property_count: 40, median_year_built: 1975 });
    expect(furlong.upcoming_events).toBe(1);
    expect(data.get('00901')).toMatchObject({ zcta: null, zip_codes: ['00901'] });
  });
});

describe('selectVintage', () => {
  const row = (zip: string, vintage: string) => ({
    zip_code: zip,
    zcta: zip,
    metric: 'population',
    value: 1,
    margin_of_error: null,
    vintage,
  });

  it('keeps the newest vintage (or the one asked for) and names ZIPs that only have others', () => {
    const chosen = selectVintage([row('19401', '2023'), row('19403', '2024'), row('19403', '2023')], null);
    expect(chosen.vintage).toBe('2024');
    expect(chosen.signals.map((s) => s.zip_code)).toEqual(['19403']);
    expect([...chosen.other_vintage_zips]).toEqual([['19401', ['2023']]]);
    expect(selectVintage([row('19401', '2023')], '2023').signals).toHaveLength(1);
  });
});
