import { Channel } from '../channels/channel.entity';
import { toChannelResponse } from '../channels/channel.mapper';
import { DemandSignal } from './demand-signal.entity';
import { Geography } from './geography.entity';
import { toGeographyResponse } from './geography.mapper';
import { toSignalResponse } from './signal.mapper';

const at = new Date('2026-01-02T03:04:05.000Z');

describe('geography, channel and signal mappers', () => {
  it('maps a geography to snake_case with a complete resolution per ZIP', () => {
    const geography = Object.assign(new Geography(), {
      id: 'g1',
      clientId: 'c1',
      name: 'Main Line',
      zipCodes: ['19002'],
      zctaResolution: [{ zip: '19002', zcta: '19002', join_type: 'zip_matches_zcta' }],
      createdAt: at,
      updatedAt: at,
      client: { secret: true },
    });
    expect(toGeographyResponse(geography)).toEqual({
      id: 'g1',
      client_id: 'c1',
      name: 'Main Line',
      zip_codes: ['19002'],
      zcta_resolution: [
        {
          zip: '19002',
          zcta: '19002',
          join_type: 'zip_matches_zcta',
          po_name: null,
          state: null,
          zip_type: null,
          note: '',
          // The Gazetteer's internal point and land area of ZCTA 19002 (Ambler, PA).
          lat: 40.187753,
          lon: -75.215847,
          land_sq_mi: 20.215,
        },
      ],
      trade_area: null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    });
  });

  it('gives a ring geography its trade area and each ZIP its distance from the centre', () => {
    const ring = Object.assign(new Geography(), {
      id: 'g2',
      clientId: 'c1',
      name: 'Around Ambler',
      zipCodes: ['19002', '19034'],
      zctaResolution: [
        { zip: '19002', zcta: '19002', join_type: 'zip_matches_zcta' },
        { zip: '19034', zcta: '19034', join_type: 'zip_matches_zcta' },
      ],
      tradeArea: {
        kind: 'ring',
        zip_code: '19002',
        zcta: '19002',
        radius_miles: 5,
        lat: 40.187753,
        lon: -75.215847,
      },
      createdAt: at,
      updatedAt: at,
    });
    const response = toGeographyResponse(ring);
    expect(response.trade_area).toMatchObject({ kind: 'ring', radius_miles: 5 });
    expect(response.zcta_resolution[0].distance_miles).toBe(0);
    // Fort Washington's internal point is about 3 miles from Ambler's.
    expect(response.zcta_resolution[1].distance_miles).toBeGreaterThan(1);
    expect(response.zcta_resolution[1].distance_miles).toBeLessThan(5);
  });

  it('maps a channel field by field and nothing else', () => {
    const channel = Object.assign(new Channel(), {
      id: 'ch1',
      clientId: 'c1',
      geographyId: 'g1',
      channelType: 'hoa',
      name: 'Oak Hill HOA',
      city: 'Ambler',
      state: 'PA',
      zipCode: '19002',
      estimatedReach: 300,
      website: 'https://oakhill.example.org',
      notes: null,
      sourceUrl: null,
      createdAt: at,
      updatedAt: at,
      extra: 'not mapped',
    });
    expect(Object.keys(toChannelResponse(channel)).sort()).toEqual(
      [
        'city',
        'channel_type',
        'client_id',
        'created_at',
        'estimated_reach',
        'geography_id',
        'id',
        'name',
        'notes',
        'source_url',
        'state',
        'updated_at',
        'website',
        'zip_code',
      ].sort(),
    );
    expect(toChannelResponse(channel)).toMatchObject({
      channel_type: 'hoa',
      zip_code: '19002',
      estimated_reach: 300,
    });
  });

  it('maps a signal to the contract’s snake_case fields', () => {
    const signal = Object.assign(new DemandSignal(), {
      id: 's1',
      clientId: 'c1',
      geographyId: 'g1',
      signalType: 'CENSUS',
      sourceType: 'census',
      zipCode: '19002',
      zcta: '19002',
      metric: 'total_population',
      value: 35000,
      marginOfError: 120,
      vintage: '2023',
      dataset: 'acs/acs5',
      eventName: null,
      startDate: null,
      endDate: null,
      metadata: { variable: 'B01003_001E' },
      sourceUrl: 'https://api.census.gov/data/2023/acs/acs5',
      createdAt: at,
      updatedAt: at,
    });
    expect(toSignalResponse(signal)).toEqual({
      id: 's1',
      geography_id: 'g1',
      zip_code: '19002',
      zcta: '19002',
      signal_type: 'CENSUS',
      source_type: 'census',
      metric: 'total_population',
      value: 35000,
      margin_of_error: 120,
      vintage: '2023',
      dataset: 'acs/acs5',
      event_name: null,
      start_date: null,
      end_date: null,
      metadata: { variable: 'B01003_001E' },
      source_url: 'https://api.census.gov/data/2023/acs/acs5',
      updated_at: at.toISOString(),
    });
  });
});
