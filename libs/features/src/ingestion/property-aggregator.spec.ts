import { medianOfCounts, ownerOccupiedShare, PropertyAggregator } from './property-aggregator';
import { PropertyRow } from '@lbi/contracts';

const row = (overrides: Partial<PropertyRow>): PropertyRow => ({
  zip_code: '19002',
  block_group: '',
  property_type: null,
  ownership_type: null,
  estimated_income_band: null,
  lot_size_sqft: null,
  year_built: null,
  lat: null,
  lon: null,
  ...overrides,
});

describe('medianOfCounts', () => {
  it('gives the middle value, or the mean of the two middle ones', () => {
    expect(medianOfCounts(new Map())).toBeNull();
    expect(medianOfCounts(new Map([[1960, 1]]))).toBe(1960);
    expect(
      medianOfCounts(
        new Map([
          [1950, 1],
          [1970, 1],
        ]),
      ),
    ).toBe(1960);
    expect(
      medianOfCounts(
        new Map([
          [2000, 3],
          [1900, 1],
        ]),
      ),
    ).toBe(2000);
    expect(
      medianOfCounts(
        new Map([
          [10, 2],
          [20, 2],
        ]),
      ),
    ).toBe(15);
  });
});

describe('PropertyAggregator', () => {
  it('aggregates per ZIP and per (ZIP, block group) without keeping rows', () => {
    const aggregator = new PropertyAggregator();
    aggregator.add(
      row({
        block_group: '1',
        year_built: 1950,
        property_type: 'sfh',
        ownership_type: 'owner_occupied',
        lat: 40.1,
        lon: -75.2,
      }),
    );
    aggregator.add(
      row({
        block_group: '1',
        year_built: 1970,
        property_type: 'sfh',
        ownership_type: 'renter',
        lat: 40.2,
        lon: -75.2,
      }),
    );
    aggregator.add(row({ year_built: 2000, property_type: 'condo' }));
    aggregator.add(row({ zip_code: '19003' }));
    const results = aggregator.results();
    expect(results.map((r) => [r.zip_code, r.block_group, r.property_count])).toEqual([
      ['19002', '', 3],
      ['19002', '1', 2],
      ['19003', '', 1],
    ]);
    expect(results[0]).toMatchObject({
      median_year_built: 1970,
      property_type_mix: { condo: 1, sfh: 2 },
      ownership_mix: { owner_occupied: 1, renter: 1 },
      centroid_lat: 40.15,
      centroid_lon: -75.2,
    });
    expect(results[1].median_year_built).toBe(1960);
    expect(results[2]).toMatchObject({ median_year_built: null, centroid_lat: null });
  });

  it('computes the owner-occupied share of rows that state an ownership type', () => {
    expect(ownerOccupiedShare({ owner_occupied: 2, renter_occupied: 1 })).toBe(0.6667);
    expect(ownerOccupiedShare({})).toBeNull();
  });
});
