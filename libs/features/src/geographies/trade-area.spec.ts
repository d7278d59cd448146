import { loadCrosswalk, loadGazetteer, loadZctaCountyIndex } from '@lbi/census';
import { countiesTradeArea, ringTradeArea, type TradeAreaSources } from './trade-area';

describe('trade areas on the bundled crosswalk, Gazetteer and county file', () => {
  let sources: TradeAreaSources;
  beforeAll(async () => {
    sources = {
      crosswalk: await loadCrosswalk(),
      gazetteer: loadGazetteer(),
      counties: loadZctaCountyIndex(),
    };
  });

  it('turns a ring into the ZCTAs’ own ZIPs, nearest first, keeping centre and radius', () => {
    const result = ringTradeArea('19087', 5, sources);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.area.trade_area).toMatchObject({
      kind: 'ring',
      zip_code: '19087',
      zcta: '19087',
      radius_miles: 5,
    });
    expect(result.area.zip_codes[0]).toBe('19087');
    expect(result.area.zctas[0]).toMatchObject({ zcta: '19087', zip_code: '19087', distance_miles: 0 });
    expect(result.area.zctas.every((z) => (z.distance_miles ?? 99) <= 5)).toBe(true);
  });

  it('centres a ring on a PO-box ZIP at the ZCTA that contains it', () => {
    const result = ringTradeArea('19397', 2, sources);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.area.trade_area).toMatchObject({ zip_code: '19397', zcta: '19087' });
  });

  it.each([
    [{ zip: '19087', radius: 0 }, 'around.radius_miles must be a number of miles from 1 to 100'],
    [{ zip: '19087', radius: 101 }, 'around.radius_miles must be a number of miles from 1 to 100'],
    [{ zip: '19087', radius: 'far' }, 'around.radius_miles'],
    [{ zip: '00000', radius: 5 }, "around.zip_code: '00000' is not a ZIP code"],
    [{ zip: '1908', radius: 5 }, 'around.zip_code: '],
    [{ zip: 12345, radius: 5 }, 'around.zip_code must be the 5-digit ZIP code'],
    [{ zip: '96939', radius: 5 }, 'around.zip_code: ZIP 96939 has no ZCTA'],
  ])('refuses %j naming the field', (input, message) => {
    const result = ringTradeArea(input.zip, input.radius, sources);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join(' ')).toContain(message);
  });

  it('names query fields when asked to (the preview endpoint)', () => {
    const result = ringTradeArea('19087', 500, sources, { zip: 'zip_code', radius: 'radius_miles' });
    expect(result.ok ? [] : result.errors).toEqual(['radius_miles must be a number of miles from 1 to 100']);
  });

  it('turns Montgomery County, PA into the ZCTAs with most of their land in it', () => {
    const result = countiesTradeArea(['42091'], sources);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.area.trade_area).toEqual({ kind: 'counties', counties: ['42091'] });
    expect(result.area.zip_codes).toEqual(expect.arrayContaining(['19002', '19034', '19401', '19446']));
    expect(result.area.zip_codes).not.toContain('19087'); // Wayne lies mostly in Delaware and Chester counties
    expect(result.area.zctas.every((z) => (z.land_share ?? 0) >= 0.5 || z.main_county === '42091')).toBe(
      true,
    );
  });

  it.each([
    [[], 'counties must list 5-digit county FIPS codes'],
    ['42091', 'counties must list 5-digit county FIPS codes'],
    [['42091', '4209'], 'counties[1] must be a 5-digit county FIPS code'],
    [['42091', 42017], 'counties[1] must be a 5-digit county FIPS code'],
    [['99999'], "counties[0]: '99999' is not a county FIPS code"],
  ])('refuses counties %j naming the entry', (input, message) => {
    const result = countiesTradeArea(input, sources);
    expect(result.ok ? '' : result.errors.join(' ')).toContain(message);
  });

  it('refuses an area over the 5,000-ZIP cap, saying how many it holds', () => {
    const counties = [
      ...new Set(['06', '48', '12', '36'].flatMap((state) => loadZctaCountyIndex().zctasInState(state))),
    ]
      .map((zcta) => loadZctaCountyIndex().mainCountyOf(zcta) as string)
      .filter((c, i, all) => all.indexOf(c) === i)
      .slice(0, 500);
    const result = countiesTradeArea(counties, sources);
    expect(result.ok ? '' : result.errors.join(' ')).toMatch(
      /counties: the area holds [\d,]+ ZIP codes, more than 5,000/,
    );
  });
});
