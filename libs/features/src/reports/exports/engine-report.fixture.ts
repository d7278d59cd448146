// A report made by the real engine (@lbi/scoring buildReport) on the real ACS 2019-2023 figures of the
// bundled snapshot (data/census) for the demo's Philadelphia-suburb ZIPs plus three Main Line ZCTAs
// with top- and bottom-coded medians (19035, 19066, 19085). The channels and the event are invented
// institutions; no people appear in it.
import type { ReportPayload } from '@lbi/contracts';
import { buildReport } from '@lbi/scoring';

import { SNAPSHOT_VINTAGE, loadCensusSnapshot } from '../../demo/census-snapshot';

export const ENGINE_REPORT_ZIPS = [
  '19002',
  '19003',
  '19004',
  '19010',
  '19013',
  '19035',
  '19038',
  '19041',
  '19063',
  '19064',
  '19066',
  '19072',
  '19083',
  '19085',
  '19087',
  '19096',
  '18901',
  '18940',
  '19380',
  '19382',
  '19355',
  '19401',
  '19446',
];

export function engineReport(category = 'roofing'): ReportPayload {
  const rows = loadCensusSnapshot(ENGINE_REPORT_ZIPS);
  return buildReport({
    geography: {
      id: '3f1c2a9e-7d4b-4f0e-9a51-2b8c6d0e4a17',
      name: 'Philadelphia suburbs',
      zip_codes: ENGINE_REPORT_ZIPS,
      zcta_resolution: ENGINE_REPORT_ZIPS.map((zip) => ({ zip, zcta: zip })),
    },
    category,
    as_of: '2026-11-26',
    census_signals: rows.map((r) => ({
      zip_code: r.zcta,
      zcta: r.zcta,
      metric: r.metric,
      value: r.estimate,
      margin_of_error: r.moe,
      vintage: String(SNAPSHOT_VINTAGE),
    })),
    channels: [
      {
        id: 'ch-1',
        channel_type: 'hoa',
        name: 'Oak Hollow Homeowners Association',
        zip_code: '19066',
        estimated_reach: 640,
      },
      {
        id: 'ch-2',
        channel_type: 'home_show',
        name: 'Main Line Spring Home Expo',
        zip_code: '19087',
        estimated_reach: 4200,
      },
    ],
    events: [
      {
        event_name: 'Main Line Spring Home Expo',
        start_date: '2027-03-13',
        end_date: '2027-03-14',
        zip_code: '19087',
        category: null,
      },
    ],
    freshness: [
      {
        source_type: 'census',
        last_success_at: '2026-11-26T06:00:00Z',
        is_stale: false,
        reason: 'refreshed today; every ZIP with a ZCTA has Census figures',
      },
    ],
    vintage: String(SNAPSHOT_VINTAGE),
  });
}
