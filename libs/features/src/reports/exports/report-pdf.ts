import type { ReportPayload, TopZip } from '@lbi/contracts';
import pdfmake from 'pdfmake';
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  formatCount,
  formatDate,
  formatDollars,
  formatShare,
  formatSharePoints,
  humanize,
  MISSING,
  monthName,
  range,
  withMoe,
} from './format';

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

const ACCENT = '#1f4e79';
const MUTED = '#5f6b7a';
const RULE = '#c8d3df';
const HEADER_FILL = '#eef3f8';

/** Thin horizontal rules only: reads as a table on paper without the weight of a full grid. */
const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.7 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  fillColor: (row) => (row === 0 ? HEADER_FILL : null),
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * A one-to-two page brief (US Letter) an agency can hand to its client: where the buyers are, who they
 * are, which channels reach them and when to market, with sources and caveats.
 *
 * Deterministic: creation and modification dates come from `as_of` (pdfkit also derives the file ID
 * from them), so the same payload gives the same bytes.
 */
export async function renderReportPdf(payload: ReportPayload): Promise<Buffer> {
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
            `as of ${formatDate(payload.as_of)} · ${payload.geography.zip_codes.length} ZIP codes analysed`,
        ),
        style: 'subtitle',
      },
      { text: pdfText(summaryLine(payload)), style: 'summary' },
      heading('Where the buyers are: top ZIP codes'),
      topZipTable(payload.top_zips),
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
  const leaders = top
    .slice(0, 3)
    .map((zip) => `${zip.zip_code} (${zip.score.toFixed(0)})`)
    .join(', ');
  const addressable = payload.buyer_profile.addressable_households.value;
  const window = payload.timing_window;
  return (
    `Strongest ${payload.category.label.toLowerCase()} demand: ${leaders} on a 0-100 score. ` +
    (addressable !== null
      ? `About ${formatCount(addressable)} addressable households across the top ${top.length} ZIP codes. `
      : '') +
    `Run the campaign ${formatDate(window.start_date)} to ${formatDate(window.end_date)}.`
  );
}

function topZipTable(zips: TopZip[]): Content {
  const body: TableCell[][] = [
    ['#', 'ZIP', 'Score', 'Households', 'Main reason'].map((label) => ({ text: label, style: 'th' })),
  ];
  for (const zip of [...zips].sort((a, b) => a.rank - b.rank)) {
    // The rank is in its own column: the main reason is the first sentence that explains it.
    const mainReason = zip.why.find((sentence) => !/^Ranks \d+ of /.test(sentence)) ?? zip.why[0];
    const reason: Content[] = [{ text: pdfText(mainReason ?? 'No explanation recorded.') }];
    if (zip.zcta === null)
      reason.push({ text: 'No matching Census ZCTA: Census figures missing.', style: 'small' });
    for (const warning of zip.warnings) reason.push({ text: pdfText(`Note: ${warning}`), style: 'small' });
    body.push([
      String(zip.rank),
      { text: zip.zip_code, bold: true },
      { text: zip.score.toFixed(1), alignment: 'right' },
      { text: formatCount(zip.households), alignment: 'right' },
      { stack: reason },
    ]);
  }
  if (zips.length === 0) {
    body.push([
      { text: 'No ZIP code could be scored; see the caveats.', colSpan: 5, italics: true },
      '',
      '',
      '',
      '',
    ]);
  }
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [14, 32, 30, 48, '*'], body },
    layout: TABLE_LAYOUT,
  };
}

function buyerProfile(payload: ReportPayload): Content {
  const profile = payload.buyer_profile;
  const moneyRange = (figures: {
    min: number | null;
    max: number | null;
    household_weighted: number | null;
  }) =>
    `${range(formatDollars(figures.min), formatDollars(figures.max))}\nhousehold-weighted ${formatDollars(figures.household_weighted)}`;
  const year = (value: number | null) => (value === null ? MISSING : String(Math.round(value)));
  const built = profile.median_year_built;
  const addressable = profile.addressable_households;
  const rows: [string, string][] = [
    ['Households', withMoe(formatCount(profile.households.value), formatCountOrNull(profile.households.moe))],
    [
      'Owner-occupied',
      withMoe(formatShare(profile.owner_share.value), formatSharePoints(profile.owner_share.moe)),
    ],
    ['Median household income', moneyRange(profile.median_household_income)],
    ['Median home value', moneyRange(profile.median_home_value)],
    [
      'Median year built',
      `${range(year(built.min), year(built.max))}\nhousehold-weighted ${year(built.household_weighted)}`,
    ],
    [
      'Addressable households',
      withMoe(formatCount(addressable.value), formatCountOrNull(addressable.moe)) +
        (addressable.basis ? `\n${addressable.basis}` : ''),
    ],
  ];
  const body: TableCell[][] = rows.map(([label, value]) => [
    { text: label, bold: true },
    { text: pdfText(value) },
  ]);
  const scope = `Across the ${profile.zip_codes.length} top ZIP codes; ranges span the ZIP medians.`;
  return {
    stack: [
      { text: pdfText(scope), style: 'small', margin: [0, 0, 0, 3] },
      { table: { widths: [88, '*'], body }, layout: TABLE_LAYOUT_NO_HEADER },
      ...profile.notes.map((note): Content => ({
        text: pdfText(note),
        style: 'small',
        margin: [0, 3, 0, 0],
      })),
    ],
  };
}

const TABLE_LAYOUT_NO_HEADER: CustomTableLayout = {
  ...TABLE_LAYOUT,
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.7 : 0.3),
  fillColor: () => null,
};

function timing(payload: ReportPayload): Content {
  const window = payload.timing_window;
  const peak = window.peak_months.length ? window.peak_months.map(monthName).join(', ') : MISSING;
  const events: Content[] = window.events.map((event) => {
    const dates =
      event.end_date && event.end_date !== event.start_date
        ? `${formatDate(event.start_date)} – ${formatDate(event.end_date)}`
        : formatDate(event.start_date);
    return {
      text: [
        { text: pdfText(event.event_name), bold: true },
        pdfText(`, ${dates}${event.zip_code ? `, ZIP ${event.zip_code}` : ''}. `),
        { text: pdfText(event.why), color: MUTED },
      ],
      margin: [0, 0, 0, 2],
    };
  });
  return {
    stack: [
      {
        text: pdfText(`${formatDate(window.start_date)} – ${formatDate(window.end_date)}`),
        fontSize: 12,
        bold: true,
      },
      {
        text: pdfText(`Lead time ${window.lead_time_weeks} weeks · peak months ${peak}`),
        style: 'small',
        margin: [0, 1, 0, 4],
      },
      { ul: window.why.map(pdfText), margin: [0, 0, 0, 4] },
      { text: 'Events in the top ZIP codes', bold: true, margin: [0, 2, 0, 2] },
      events.length
        ? { stack: events }
        : { text: 'No upcoming events on file.', italics: true, color: MUTED },
    ],
  };
}

function channels(payload: ReportPayload): Content {
  const blocks: Content[] = [];
  const ranked = [...payload.recommended_channels].sort((a, b) => b.relevance - a.relevance);
  if (ranked.length) {
    const body: TableCell[][] = [
      ['#', 'Channel', 'Type', 'ZIP', 'Reach', 'Fit', 'Why'].map((label) => ({ text: label, style: 'th' })),
      ...ranked.map((channel, index): TableCell[] => [
        String(index + 1),
        { text: pdfText(channel.name), bold: true },
        pdfText(humanize(channel.channel_type)),
        channel.zip_code ?? 'all',
        { text: formatCount(channel.estimated_reach), alignment: 'right' },
        { text: formatShare(channel.relevance), alignment: 'right' },
        { text: pdfText(channel.why), fontSize: 7.5 },
      ]),
    ];
    blocks.push({
      table: { headerRows: 1, dontBreakRows: true, widths: [10, 120, 70, 24, 34, 22, '*'], body },
      layout: TABLE_LAYOUT,
    });
  }
  if (payload.channel_types_to_add.length) {
    blocks.push({
      text: ranked.length ? 'Channel types to add' : 'No channels on file yet. Channel types to add:',
      bold: true,
      margin: [0, ranked.length ? 6 : 0, 0, 2],
    });
    blocks.push({
      ul: payload.channel_types_to_add.map((add) => ({
        text: [{ text: pdfText(humanize(add.channel_type)), bold: true }, pdfText(`: ${add.why}`)],
      })),
    });
  }
  if (blocks.length === 0) {
    blocks.push({
      text: 'No channels on file and no channel types to suggest.',
      italics: true,
      color: MUTED,
    });
  }
  return { stack: blocks };
}

function sources(payload: ReportPayload): Content {
  const list: Content[] = payload.sources.map((source) => ({
    text: [
      pdfText(source.name),
      source.vintage ? pdfText(` (${source.vintage})`) : '',
      source.url ? { text: pdfText(`\n${source.url}`), style: 'small' } : '',
    ],
    margin: [0, 0, 0, 2],
  }));
  const freshness: TableCell[][] = [
    ['Source', 'Last refresh', 'Detail'].map((label) => ({ text: label, style: 'th' })),
    ...payload.data_freshness.map((entry): TableCell[] => [
      pdfText(SOURCE_LABELS[entry.source_type] ?? humanize(entry.source_type)),
      {
        text: pdfText(entry.last_success_at ? formatDate(entry.last_success_at) : 'never'),
        color: entry.is_stale ? '#a33' : undefined,
        bold: entry.is_stale,
      },
      pdfText(entry.detail + (entry.is_stale ? ' (stale)' : '')),
    ]),
  ];
  return {
    stack: [
      list.length ? { stack: list } : { text: 'No sources recorded.', italics: true, color: MUTED },
      payload.data_freshness.length
        ? {
            table: { headerRows: 1, widths: [64, 52, '*'], body: freshness },
            layout: TABLE_LAYOUT,
            fontSize: 7.5,
            margin: [0, 4, 0, 0],
          }
        : { text: 'No refresh history recorded.', italics: true, color: MUTED },
    ],
  };
}

/** Labels for the ingestion source types (`SourceType`); an unknown one is shown humanised. */
const SOURCE_LABELS: Record<string, string> = {
  census: 'Census ACS',
  csv_property: 'Property CSV',
  csv_events: 'Events CSV',
  csv_channels: 'Channels CSV',
};

function caveats(payload: ReportPayload): Content {
  return payload.caveats.length
    ? { ul: payload.caveats.map(pdfText) }
    : { text: 'None recorded.', italics: true, color: MUTED };
}

function heading(text: string): Content {
  return { text: pdfText(text), style: 'h2' };
}

function formatCountOrNull(value: number | null): string | null {
  return value === null ? null : formatCount(value);
}

/** Midnight UTC of the report's date; a fixed epoch when `as_of` does not parse, never "now". */
function reportDate(asOf: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T00:00:00Z` : asOf);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

/** The extra characters WinAnsi (CP1252) has beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
};

/**
 * Text the standard fonts can draw: characters outside WinAnsi would print as nothing (pdfkit's
 * `.notdef`), so common ones get an ASCII stand-in and the rest a "?", which at least shows a gap.
 */
export function pdfText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (
      char === '\n' ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRA.has(char)
    ) {
      out += char;
    } else if (char === '\t' || char === '\r') {
      out += ' ';
    } else {
      out += REPLACEMENTS[char] ?? '?';
    }
  }
  return out;
}
