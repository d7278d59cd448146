import type { ReportPayload } from '@lbi/contracts';
import type { Content } from 'pdfmake/interfaces';
import { formatCount } from './format';
import { pdfText } from './pdf-text';

/** How many top ZIPs the brief's competition line names. */
const ZIPS_LISTED = 5;

/**
 * The competition section in two short paragraphs: the geography's count and rate, then the first top
 * ZIPs with theirs and their demand-to-supply gap. The caveats of the section go with the report's.
 */
export function competitionBlock(payload: ReportPayload, heading: (text: string) => Content): Content[] {
  const competition = payload.competition;
  if (!competition) return [];
  const whole = competition.geography;
  const rate = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));
  const industries = competition.industries.map((n) => `${n.code} ${n.label}`).join('; ');
  const zips = competition.zips.slice(0, ZIPS_LISTED).map((z) => {
    const count =
      z.establishments === null
        ? 'no count'
        : `${formatCount(z.establishments)} (${rate(z.per_1000_households)} per 1,000)`;
    const gap = z.demand_supply_gap === null ? '' : `, gap ${z.demand_supply_gap.toFixed(2)}`;
    return `${z.zip_code}: ${count}${gap}`;
  });
  return [
    heading('Who else sells here: competition'),
    {
      text: pdfText(
        `${formatCount(whole.establishments)} competing establishments (${industries}; ${competition.year ?? 'year unknown'}) across ${whole.zctas_counted} ZCTAs: ${rate(whole.per_1000_households)} per 1,000 addressable households (${competition.basis}).`,
      ),
      margin: [0, 0, 0, 2],
    },
    {
      text: pdfText(
        `Top ZIPs: ${zips.join('; ')}. A gap above 1 means more households per competitor than across the geography; counts are a floor.`,
      ),
      style: 'small',
      margin: [0, 0, 0, 6],
    },
  ];
}
