import {
  medianOfCounts,
  MIN_PROPERTIES_PER_AGGREGATE,
  ownerOccupiedShare,
  PropertyAggregator,
} from './property-aggregator';
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
    const blockGroup = '420912001001';
    // Ten homes in one block group (half built 1950, half 1970), two more elsewhere in the ZIP.
    for (let i = 0; i < 10; i++) {
      aggregator.add(
        row({
          block_group: blockGroup,
          year_built: i < 5 ? 1950 : 1970,
          property_type: 'sfh',
          ownership_type: i < 5 ? 'owner_occupied' : 'renter',
          lat: i < 5 ? 40.1 : 40.2,
          lon: -75.2,
        }),
      );
    }
    aggregator.add(row({ year_built: 2000, property_type: 'condo' }));
    aggregator.add(row({ year_built: 2001, property_type: 'condo' }));
    const results = aggregator.results();
    expect(results.map((r) => [r.zip_code, r.block_group, r.property_count])).toEqual([
      ['19002', '', 12],
      ['19002', blockGroup, 10],
    ]);
    expect(results[0]).toMatchObject({
      median_year_built: 1970,
      property_type_mix: { condo: 2, sfh: 10 },
      ownership_mix: { owner_occupied: 5, renter: 5 },
      centroid_lat: 40.15,
      centroid_lon: -75.2,
    });
    expect(results[1].median_year_built).toBe(1960);
  });

  it('never keeps an aggregate of fewer than 10 homes: small block groups fold into the ZIP, small ZIPs are withheld', () => {
    const aggregator = new PropertyAggregator();
    // The review's case: two rows with their own block groups made two one-home aggregates.
    aggregator.add(
      row({ zip_code: '19003', block_group: '420912010001', year_built: 1931, lot_size_sqft: 5400 }),
    );
    aggregator.add(
      row({ zip_code: '19003', block_group: '420912010002', year_built: 1988, lot_size_sqft: 9100 }),
    );
    for (let i = 0; i < 11; i++)
      aggregator.add(row({ block_group: i < 3 ? '420912001001' : '420912001002' }));
    const results = aggregator.results();
    expect(results.map((r) => [r.zip_code, r.block_group, r.property_count])).toEqual([['19002', '', 11]]);
    expect(results.every((r) => r.property_count >= MIN_PROPERTIES_PER_AGGREGATE)).toBe(true);
    // 19002's two block groups (3 and 8 homes) and 19003's two, plus the 19003 ZIP itself.
    expect(aggregator.withheld).toEqual({ block_groups: 4, zips: 1 });
  });

  it('computes the owner-occupied share of rows that state an ownership type', () => {
    expect(ownerOccupiedShare({ owner_occupied: 2, renter_occupied: 1 })).toBe(0.6667);
    expect(ownerOccupiedShare({})).toBeNull();
  });
});
