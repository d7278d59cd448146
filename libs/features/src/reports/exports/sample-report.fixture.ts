// An invented but plausible roofing report for Philadelphia's western suburbs in the payload shape of
// reports stored before statistics v2 (no tiers, displays or vintage), so the exports are checked to
// render old reports too: 10 top ZIPs, 8 channels, two events. Figures are made up; no people appear in it.
import type { ReportPayload, ScoreComponent, TopZip } from '@lbi/contracts';

interface ZipFigures {
  zip: string;
  score: number;
  households: number;
  owner: number;
  yearBuilt: number;
  singleFamily: number;
  homeValue: number;
  events: number;
  why: string[];
  warnings?: string[];
}

const GEOGRAPHY = { owner: 0.71, yearBuilt: 1961, singleFamily: 0.68, homeValue: 412000, events: 0.4 };

function components(figures: ZipFigures, rank: number): ScoreComponent[] {
  const percentile = (offset: number) => Math.max(0.05, Math.min(1, 1 - (rank - 1) * 0.07 - offset));
  const rows: [string, string, number, number | null, string, number, number, ScoreComponent['source']][] = [
    ['owner_share', 'Owner-occupied share', figures.owner, 0.021, 'share', GEOGRAPHY.owner, 0.3, 'census'],
    [
      'median_year_built',
      'Median year built',
      figures.yearBuilt,
      3,
      'year',
      GEOGRAPHY.yearBuilt,
      0.3,
      'census',
    ],
    [
      'single_family_share',
      'Single-family share',
      figures.singleFamily,
      0.034,
      'share',
      GEOGRAPHY.singleFamily,
      0.2,
      'census',
    ],
    [
      'median_home_value',
      'Median home value',
      figures.homeValue,
      21500,
      'usd',
      GEOGRAPHY.homeValue,
      0.15,
      'census',
    ],
    ['upcoming_events', 'Upcoming events', figures.events, null, 'count', GEOGRAPHY.events, 0.05, 'events'],
  ];
  return rows.map(([feature, label, value, moe, unit, geographyValue, weight, source], index) => {
    const p = Number(percentile(index * 0.03).toFixed(3));
    return {
      feature,
      label,
      value,
      moe,
      unit_of_measure: unit,
      geography_value: geographyValue,
      percentile: p,
      weight,
      effective_weight: weight,
      contribution: Number((weight * p).toFixed(4)),
      cv: moe === null ? null : Number((moe / 1.645 / value).toFixed(4)),
      reliable: true,
      source,
    };
  });
}

const ZIPS: ZipFigures[] = [
  {
    zip: '19083',
    score: 91.4,
    households: 18650,
    owner: 0.86,
    yearBuilt: 1948,
    singleFamily: 0.88,
    homeValue: 368000,
    events: 1,
    why: [
      '86% of homes are owner-occupied, against 71% across the geography.',
      'Median year built 1948: most roofs are past their second replacement age.',
      '88% single-family homes, the stock that buys full roof replacements.',
    ],
  },
  {
    zip: '19064',
    score: 87.2,
    households: 9120,
    owner: 0.83,
    yearBuilt: 1955,
    singleFamily: 0.84,
    homeValue: 392000,
    events: 1,
    why: [
      '83% of homes are owner-occupied, against 71% across the geography.',
      'Median year built 1955: roofs past replacement age.',
    ],
  },
  {
    zip: '19008',
    score: 84.9,
    households: 8240,
    owner: 0.85,
    yearBuilt: 1958,
    singleFamily: 0.86,
    homeValue: 371000,
    events: 0,
    why: [
      '85% of homes are owner-occupied, against 71% across the geography.',
      'Median year built 1958, "mid-century" stock with original roof decks.',
    ],
  },
  {
    zip: '19096',
    score: 81.3,
    households: 6080,
    owner: 0.79,
    yearBuilt: 1941,
    singleFamily: 0.71,
    homeValue: 545000,
    events: 0,
    why: [
      'Median year built 1941, the oldest housing among the top ZIPs.',
      'Median home value $545,000, against $412,000 across the geography: slate and cedar budgets.',
    ],
  },
  {
    zip: '19066',
    score: 78.8,
    households: 2270,
    owner: 0.88,
    yearBuilt: 1939,
    singleFamily: 0.9,
    homeValue: 712000,
    events: 0,
    why: [
      '88% of homes are owner-occupied, against 71% across the geography.',
      'Median year built 1939: roofs past replacement age.',
    ],
    warnings: ['Owner-occupied share has a CV of 34%, over the 30% reliability threshold; weighed less.'],
  },
  {
    zip: '19087',
    score: 74.6,
    households: 12930,
    owner: 0.74,
    yearBuilt: 1966,
    singleFamily: 0.7,
    homeValue: 589000,
    events: 1,
    why: [
      '74% of homes are owner-occupied, against 71% across the geography.',
      'Radnor Spring Home Show on 2027-03-13 brings homeowners together before the spring peak.',
    ],
  },
  {
    zip: '19073',
    score: 72.1,
    households: 5110,
    owner: 0.84,
    yearBuilt: 1974,
    singleFamily: 0.81,
    homeValue: 618000,
    events: 0,
    why: [
      '84% of homes are owner-occupied, against 71% across the geography.',
      'Median home value $618,000: high-value roofs, premium materials.',
    ],
  },
  {
    zip: '19041',
    score: 69.5,
    households: 2390,
    owner: 0.81,
    yearBuilt: 1944,
    singleFamily: 0.77,
    homeValue: 731000,
    events: 0,
    why: [
      'Median year built 1944: roofs past replacement age.',
      '81% of homes are owner-occupied, against 71% across the geography.',
    ],
    warnings: ['Small sample: fewer than 2,500 households, estimates are less certain.'],
  },
  {
    zip: '19072',
    score: 66.2,
    households: 3380,
    owner: 0.69,
    yearBuilt: 1937,
    singleFamily: 0.62,
    homeValue: 498000,
    events: 0,
    why: [
      'Median year built 1937, among the oldest in the geography.',
      'Owner share 69%, near the 71% across the geography, so fewer owners per mailbox.',
    ],
  },
  {
    zip: '19003',
    score: 62.7,
    households: 6140,
    owner: 0.57,
    yearBuilt: 1945,
    singleFamily: 0.51,
    homeValue: 463000,
    events: 0,
    why: [
      'Median year built 1945: roofs past replacement age.',
      'Only 57% of homes are owner-occupied, against 71% across the geography; many apartments.',
    ],
  },
];

export const SAMPLE_TOP_ZIPS: TopZip[] = ZIPS.map((figures, index) => ({
  rank: index + 1,
  zip_code: figures.zip,
  zcta: figures.zip,
  score: figures.score,
  households: figures.households,
  components: components(figures, index + 1),
  why: figures.why,
  warnings: figures.warnings ?? [],
}));

export function sampleReport(): ReportPayload {
  return {
    geography: {
      id: '3f1c2a9e-7d4b-4f0e-9a51-2b8c6d0e4a17',
      name: 'Philadelphia suburbs',
      zip_codes: [...ZIPS.map((zip) => zip.zip), '19010', '19035', '19085', '19038', '19046', '19095'],
    },
    category: { id: 'roofing', label: 'Roofing' },
    as_of: '2026-11-26',
    top_zips: structuredClone(SAMPLE_TOP_ZIPS),
    buyer_profile: {
      zip_codes: ZIPS.map((zip) => zip.zip),
      households: { value: 74310, moe: 1240 },
      owner_share: { value: 0.797, moe: 0.011 },
      median_household_income: { min: 88400, max: 214300, household_weighted: 121700 },
      median_home_value: { min: 368000, max: 731000, household_weighted: 452600 },
      median_year_built: { min: 1937, max: 1974, household_weighted: 1953 },
      addressable_households: {
        value: 49800,
        moe: 1610,
        basis: 'Owner-occupied single-family homes built before 2000',
      },
      notes: ['Income and home value are ranges of ZIP medians; a median of medians is not computed.'],
    },
    recommended_channels: [
      channel(
        'ch-01',
        'Haverford Township Civic Council newsletter',
        'civic_association',
        '19083',
        9800,
        0.92,
      ),
      channel('ch-02', 'Springfield Township Home & Garden Club', 'garden_club', '19064', 1400, 0.84),
      channel('ch-03', 'Marple Newtown Community Bulletin (print)', 'local_print', '19008', 12500, 0.81),
      channel('ch-04', 'Lower Merion Historical Homes Tour', 'event_sponsorship', '19096', 3200, 0.77),
      channel('ch-05', 'Wynnewood Neighbors Association', 'civic_association', '19096', 2100, 0.71),
      channel('ch-06', 'Radnor Township Recreation Guide', 'municipal_publication', '19087', 11000, 0.68),
      channel('ch-07', 'Delaware County Realtors luncheon', 'trade_association', null, 600, 0.52),
      channel('ch-08', 'Main Line Chamber of Commerce directory', 'business_directory', null, 4500, 0.47),
    ],
    channel_types_to_add: [],
    timing_window: {
      start_date: '2027-02-01',
      end_date: '2027-05-15',
      peak_months: [4, 5, 6, 9, 10],
      lead_time_weeks: 8,
      why: [
        'Roofing demand peaks from April to June and again in September-October; homeowners book 6-10 weeks ahead.',
        'Starting in early February reaches owners while they plan, ahead of the Radnor show on 13 March.',
      ],
      events: [
        {
          event_name: 'Radnor Spring Home Show',
          start_date: '2027-03-13',
          end_date: '2027-03-14',
          zip_code: '19087',
          why: 'A home-improvement show in a top ZIP, four weeks into the window.',
        },
        {
          event_name: 'Havertown Spring Fair',
          start_date: '2027-04-24',
          end_date: null,
          zip_code: '19083',
          why: 'A township fair in the top-ranked ZIP, at the start of the peak.',
        },
      ],
    },
    data_freshness: [
      {
        source_type: 'census',
        last_success_at: '2026-11-20T06:12:44Z',
        is_stale: false,
        detail: 'ACS 2019-2023 5-year, 16 ZCTAs',
      },
      {
        source_type: 'csv_property',
        last_success_at: '2026-10-02T14:03:10Z',
        is_stale: false,
        detail: 'Agency property aggregates, 10 ZIPs',
      },
      {
        source_type: 'csv_events',
        last_success_at: null,
        is_stale: true,
        detail: 'No calendar imported yet',
      },
    ],
    caveats: [
      'Figures are ACS 5-year estimates (2019-2023); they describe a five-year period, not a single year.',
      '19066 and 19041 have fewer than 2,500 households; their estimates carry wide margins of error.',
      'No event calendar has been imported: timing relies on category seasonality only.',
    ],
    sources: [
      {
        name: 'U.S. Census Bureau, American Community Survey 5-year estimates',
        vintage: '2019-2023',
        url: 'https://www.census.gov/programs-surveys/acs',
      },
      { name: 'Agency property aggregates (CSV import)', vintage: '2026-10', url: null },
    ],
  };
}

function channel(
  id: string,
  name: string,
  type: string,
  zip: string | null,
  reach: number,
  relevance: number,
): ReportPayload['recommended_channels'][number] {
  return {
    channel_id: id,
    name,
    channel_type: type,
    zip_code: zip,
    estimated_reach: reach,
    relevance,
    covers_top_zip: zip !== null,
    why: zip
      ? `Reaches about ${reach.toLocaleString('en-US')} households in top ZIP ${zip}; ${type.replace(/_/g, ' ')} suits roofing.`
      : `County-wide reach of about ${reach.toLocaleString('en-US')}; no single top ZIP, so ranked lower.`,
  };
}
