import type { ReportPayload } from '@lbi/contracts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatCount, formatDate, withMoe } from './format';
import { pdfText } from './pdf-text';
import {
  ACCENT,
  MUTED,
  buyerProfile,
  caveats,
  channels,
  sources,
  tierNote,
  timing,
  topZipTable,
} from './report-pdf-sections';
import { competitionBlock } from './report-pdf-competition';

export { pdfText } from './pdf-text';

/**
 * PDF standard-14 fonts: every viewer has them, so nothing is embedded or read from disk beyond the
 * AFM metrics pdfkit ships, and the output stays small and byte-stable. They only cover WinAnsi
 * (Latin-1 plus typographic quotes and dashes), hence `pdfText`.
 */
const FONTS = {
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
};
const STANDARD_FONT_NAMES = new Set(Object.values(FONTS.Helvetica));

export const PDF_FOOTER_NOTE =
  'Census figures are American Community Survey (ACS) 5-year estimates; ± values are 90% margins of error.';

/**
 * A one-to-two page brief (US Letter) an agency can hand to its client: where the buyers are, who they
 * are, which channels reach them and when to market, with sources and caveats.
 *
 * Deterministic: creation and modification dates come from `as_of` (pdfkit also derives the file ID
 * from them), so the same payload gives the same bytes.
 */
export async function renderReportPdf(payload: ReportPayload): Promise<Buffer> {
  // Loaded on the first brief, not at start-up: pdfmake and its fonts are ~9 MB of heap in every
  // API and worker process, and most never render a PDF.
  const { default: pdfmake } = await import('pdfmake');
  // pdfmake is a process-wide singleton: set its fonts and policies on every call so another user of it
  // cannot change what this renderer produces. The brief loads no images or URLs, so deny them all; the
  // only "files" are the standard font names.
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONT_NAMES.has(path));
  return pdfmake.createPdf(reportDocument(payload)).getBuffer();
}

/** The pdfmake document of the brief; exported for tests and previews. */
export function reportDocument(payload: ReportPayload): TDocumentDefinitions {
  const asOf = reportDate(payload.as_of);
  const title = `${payload.category.label} buyers in ${payload.geography.name}`;
  return {
    pageSize: 'LETTER',
    pageMargins: [40, 36, 40, 44],
    info: {
      title: pdfText(title),
      subject: pdfText(`Local Buyer Intelligence brief, as of ${payload.as_of}`),
      author: 'Local Buyer Intelligence',
      creator: 'Local Buyer Intelligence',
      producer: 'Local Buyer Intelligence (pdfmake)',
      creationDate: asOf,
      modDate: asOf,
    },
    defaultStyle: { font: 'Helvetica', fontSize: 8.5, lineHeight: 1.15, color: '#1d2733' },
    styles: {
      title: { fontSize: 17, bold: true, color: ACCENT },
      subtitle: { fontSize: 9, color: MUTED, margin: [0, 2, 0, 8] },
      summary: { fontSize: 9.5, margin: [0, 0, 0, 8] },
      h2: { fontSize: 11, bold: true, color: ACCENT, margin: [0, 10, 0, 4] },
      th: { bold: true, fontSize: 8, color: ACCENT },
      small: { fontSize: 7.5, color: MUTED },
    },
    footer: (currentPage, pageCount) => ({
      margin: [40, 14, 40, 0],
      columns: [
        { text: pdfText(PDF_FOOTER_NOTE), style: 'small' },
        { text: `Page ${currentPage} of ${pageCount}`, style: 'small', alignment: 'right', width: 70 },
      ],
    }),
    content: [
      { text: pdfText(title), style: 'title' },
      {
        text: pdfText(
          `Local Buyer Intelligence brief · ${payload.category.label} · ${payload.geography.name} · ` +
            `as of ${formatDate(payload.as_of)} · ${payload.geography.zip_codes.length} ZIP codes analysed` +
            vintageLabel(payload.vintage),
        ),
        style: 'subtitle',
      },
      { text: pdfText(summaryLine(payload)), style: 'summary' },
      heading('Where the buyers are: top ZIP codes'),
      topZipTable(payload.top_zips),
      ...(tierNote(payload) ? [tierNote(payload) as Content] : []),
      {
        // Side by side sections move to the next page whole rather than split mid-list.
        unbreakable: true,
        columns: [
          { width: '*', stack: [heading('Who they are: buyer profile'), buyerProfile(payload)] },
          { width: '*', stack: [heading('When to market'), timing(payload)] },
        ],
        columnGap: 16,
      },
      heading('How to reach them: recommended channels'),
      channels(payload),
      ...competitionBlock(payload, heading),
      {
        unbreakable: true,
        columns: [
          { width: '*', stack: [heading('Data sources and freshness'), sources(payload)] },
          { width: '*', stack: [heading('Caveats'), caveats(payload)] },
        ],
        columnGap: 16,
      },
    ],
  };
}

function summaryLine(payload: ReportPayload): string {
  const top = [...payload.top_zips].sort((a, b) => a.rank - b.rank);
  if (top.length === 0) {
    return `No ZIP code in ${payload.geography.name} could be scored for ${payload.category.label.toLowerCase()}; see the caveats.`;
  }
  // Leaders with their score margin; a tier shared by the first ZIPs is said, not hidden by the order.
  const leaders = top
    .slice(0, 3)
    .map(
      (zip) =>
        `${zip.zip_code} (${withMoe(zip.score.toFixed(0), zip.score_moe ? zip.score_moe.toFixed(0) : null)})`,
    )
    .join(', ');
  const firstTier = payload.tiers?.[0];
  const tied =
    firstTier && firstTier.zip_codes.length > 1
      ? ` ${firstTier.zip_codes.join(', ')} are not significantly different (tier 1).`
      : '';
  const addressable = payload.buyer_profile.addressable_households;
  const window = payload.timing_window;
  return (
    `Strongest ${payload.category.label.toLowerCase()} demand: ${leaders} on a 0-100 score.${tied} ` +
    (addressable.value !== null
      ? `About ${withMoe(formatCount(addressable.value), addressable.moe === null ? null : formatCount(addressable.moe))} addressable households across the top ${top.length} ZIP areas. `
      : '') +
    `Run the campaign ${formatDate(window.start_date)} to ${formatDate(window.end_date)}.`
  );
}

function heading(text: string): Content {
  return { text: pdfText(text), style: 'h2' };
}

/** "ACS 2019-2023 5-year estimates, one release" for the subtitle; nothing when unknown. */
function vintageLabel(vintage: string | null | undefined): string {
  return vintage && /^\d{4}$/.test(vintage)
    ? ` · ACS ${Number(vintage) - 4}-${vintage} 5-year estimates`
    : '';
}

/** Midnight UTC of the report's date; a fixed epoch when `as_of` does not parse, never "now". */
function reportDate(asOf: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T00:00:00Z` : asOf);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}
