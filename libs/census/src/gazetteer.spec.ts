import { distanceMiles, parseGazetteer, parseZctaCounties } from './gazetteer';
import { loadGazetteer, loadZctaCounties } from './gazetteer-loader';

describe('ZCTA Gazetteer', () => {
  it('parses the bundled file: every ZCTA with its internal point and land area', () => {
    const gazetteer = loadGazetteer();
    expect(gazetteer.size).toBe(33_791);
    expect(gazetteer.get('19002')).toEqual({
      zcta: '19002',
      lat: 40.187753,
      lon: -75.215847,
      land_sq_mi: 20.215,
    });
    expect(gazetteer.get('00601')?.lat).toBeCloseTo(18.180555, 6);
    expect(gazetteer.get('99999')).toBeUndefined();
    expect(gazetteer.get(null)).toBeUndefined();
    expect(gazetteer.has('19002')).toBe(true);
    expect(loadGazetteer()).toBe(gazetteer);
  });

  it('lists places in ZCTA order and refuses malformed lines', () => {
    const text =
      'GEOID|GEOIDFQ|ALAND|AWATER|ALAND_SQMI|AWATER_SQMI|INTPTLAT|INTPTLONG           \n' +
      '19003|x|1|1|2.5|0|40.0|-75.3\n19002|x|1|1|20.2|0|40.1|-75.2\n';
    expect([...parseGazetteer(text).places()].map((p) => p.zcta)).toEqual(['19002', '19003']);
    expect(() => parseGazetteer(text + '19004|x|1|1|abc|0|40|-75\n')).toThrow(/line 4/);
    expect(() => parseGazetteer('GEOID|ALAND\n')).toThrow(/ALAND_SQMI/);
  });

  it('measures great-circle distance in miles', () => {
    const ambler = loadGazetteer().get('19002')!;
    expect(distanceMiles(ambler, ambler)).toBe(0);
    // One degree of a great circle is 2π·3958.8/360 = 69.0936 miles, along a meridian or the equator.
    expect(distanceMiles({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(69.0936, 3);
    expect(distanceMiles({ lat: 0, lon: 10 }, { lat: 0, lon: 11 })).toBeCloseTo(69.0936, 3);
    // Along a parallel at 60°N a degree of longitude is about half as long.
    expect(distanceMiles({ lat: 60, lon: 0 }, { lat: 60, lon: 1 })).toBeCloseTo(34.55, 1);
  });

  it('reads the ZCTA-county relationship, one row per county a ZCTA touches', () => {
    const parts = loadZctaCounties();
    expect(parts).toHaveLength(46_953);
    expect(parts.filter((p) => p.zcta === '00601').map((p) => p.county)).toEqual(['72001', '72141']);
    expect(() => parseZctaCounties('a,b\n')).toThrow(/ZCTA5/);
  });
});
