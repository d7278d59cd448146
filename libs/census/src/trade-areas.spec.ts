import { distanceMiles, parseGazetteer, parseZctaCounties } from './gazetteer';
import { loadGazetteer, loadZctaCountyIndex } from './gazetteer-loader';
import { ZctaCountyIndex, zctasWithinRadius } from './trade-areas';
import { stateByAbbreviation, stateByFips, US_STATES } from './us-states';

describe('zctasWithinRadius on the bundled Gazetteer', () => {
  const gazetteer = loadGazetteer();
  const wayne = gazetteer.get('19087')!;

  it('holds the centre at distance 0 and only ZCTAs whose internal point is inside the radius, nearest first', () => {
    const ring = zctasWithinRadius(gazetteer, wayne, 5);
    expect(ring[0]).toMatchObject({ zcta: '19087', distance_miles: 0 });
    for (let i = 1; i < ring.length; i++)
      expect(ring[i].distance_miles).toBeGreaterThanOrEqual(ring[i - 1].distance_miles);
    expect(ring.every((z) => z.distance_miles <= 5)).toBe(true);
    // Exhaustive check: the box prefilter loses nothing the haversine would keep.
    const all = [...gazetteer.places()].filter((p) => distanceMiles(wayne, p) <= 5).map((p) => p.zcta);
    expect(ring.map((z) => z.zcta).sort()).toEqual(all.sort());
    // Neighbours the user would expect in a 5-mile ring around Wayne: Bryn Mawr, Berwyn, Villanova.
    expect(ring.map((z) => z.zcta)).toEqual(expect.arrayContaining(['19010', '19312', '19085']));
  });

  it('grows with the radius and stays exact at 100 miles around a dense ZIP', () => {
    const manhattan = gazetteer.get('10001')!;
    const ring = zctasWithinRadius(gazetteer, manhattan, 100);
    const all = [...gazetteer.places()].filter((p) => distanceMiles(manhattan, p) <= 100);
    expect(ring).toHaveLength(all.length);
    expect(ring.length).toBeGreaterThan(zctasWithinRadius(gazetteer, manhattan, 50).length);
  });

  it('handles rings across the antimeridian in longitude (Aleutians)', () => {
    const text = [
      'GEOID|ALAND_SQMI|INTPTLAT|INTPTLONG',
      '99901|1|52.0|179.9',
      '99902|1|52.0|-179.9',
      '99903|1|52.0|170.0',
    ].join('\n');
    const small = parseGazetteer(text);
    const ring = zctasWithinRadius(small, { lat: 52, lon: 179.95 }, 20).map((z) => z.zcta);
    expect(ring.sort()).toEqual(['99901', '99902']);
  });
});

describe('ZctaCountyIndex', () => {
  const parts = parseZctaCounties(
    [
      'ZCTA5,County GEOID,Land Area,Water Area',
      '10001,42091,9.0,0',
      '10001,42017,1.0,0',
      '10002,42091,4.0,0',
      '10002,42017,6.0,0',
      '10003,42017,2.0,0',
      '10004,34005,3.0,0',
      '10004,42017,3.5,0',
    ].join('\n'),
  );
  const index = new ZctaCountyIndex(parts);

  it('puts a ZCTA in a county set when half its land is inside or its main county is in the set', () => {
    expect(index.zctasInCounties(['42091']).map((z) => [z.zcta, z.land_share])).toEqual([['10001', 0.9]]);
    expect(index.zctasInCounties(['42017']).map((z) => z.zcta)).toEqual(['10002', '10003', '10004']);
    // Together the two counties hold all of 10001 and 10002.
    expect(index.zctasInCounties(['42091', '42017']).find((z) => z.zcta === '10002')?.land_share).toBe(1);
  });

  it('assigns each ZCTA to exactly one state, by its main county', () => {
    expect(index.zctasInState('42')).toEqual(['10001', '10002', '10003', '10004']);
    expect(index.zctasInState('34')).toEqual([]);
    expect(index.hasCounty('42091')).toBe(true);
    expect(index.hasCounty('99999')).toBe(false);
  });

  it('on the bundled file, the states partition every ZCTA of the 50 states, DC and Puerto Rico', () => {
    const bundled = loadZctaCountyIndex();
    const byState = US_STATES.map((s) => bundled.zctasInState(s.fips));
    const union = new Set(byState.flat());
    expect(union.size).toBe(byState.reduce((n, list) => n + list.length, 0));
    expect(union.size).toBeGreaterThan(33_700);
    expect(bundled.zctasInState('42')).toContain('19087');
    // The nation in one pass is the same list as the states one by one.
    expect(bundled.zctasInStates(US_STATES.map((s) => s.fips))).toEqual([...union].sort());
  });
});

describe('US states', () => {
  it('look up by abbreviation in any case and by FIPS', () => {
    expect(stateByAbbreviation('pa')).toEqual({ abbreviation: 'PA', fips: '42', name: 'Pennsylvania' });
    expect(stateByFips('72')?.abbreviation).toBe('PR');
    expect(stateByAbbreviation('XX')).toBeUndefined();
    expect(US_STATES).toHaveLength(52);
  });
});
