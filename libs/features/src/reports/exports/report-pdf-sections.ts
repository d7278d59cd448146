// The sections of the PDF brief. Every number a client reads carries its unit and, for an estimate,
// its ± 90% margin; channel types read as people write them ("HOA"). Reports made before tiers and
// displays existed are still rendered, from the fields they have.

import { channelTypeLabel } from '@lbi/contracts';
import type { MedianRange, ReportPayload, TopZip } from '@lbi/contracts';
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';

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
import { pdfText } from './pdf-text';

export const ACCENT = '#1f4e79';
export const MUTED = '#5f6b7a';
const RULE = '#c8d3df';
const HEADER_FILL = '#eef3f8';

/** Thin horizontal rules only: reads as a table on paper without the weight of a full grid. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.7 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  fillColor: (row) => (row === 0 ? HEADER_FILL : null),
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const TABLE_LAYOUT_NO_HEADER: CustomTableLayout = {
  ...TABLE_LAYOUT,
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.7 : 0.3),
  fillColor: () => null,
};

const countOrNull = (value: number | null | undefined): string | null =>
  value === null || value === undefined ? null : formatCount(value);

const TEST_WORDS: Record<string, string> = {
  higher: 'significant',
  lower: 'significant',
  about_same: 'about the same',
  not_tested: 'not tested',
};

/** "median home value $871,300 (not tested)": a strength in a few words. */
function strength(zip: TopZip, feature: string, comparison: string): string {
  const c = zip.components.find((x) => x.feature === feature);
  if (!c) return feature;
  return `${c.label.toLowerCase()} ${c.display ?? ''} (${TEST_WORDS[comparison] ?? comparison})`.replace(
    '  ',
    ' ',
  );
}

export function topZipTable(zips: TopZip[]): Content {
  const body: TableCell[][] = [
    ['#', 'ZIP', 'Tier', 'Score (0-100)', 'Households', 'Main reason'].map((label) => ({
      text: label,
      style: 'th',
    })),
  ];
  for (const zip of [...zips].sort((a, b) => a.rank - b.rank)) {
    // The rank is in its own column: the main reason is the first strength that explains it.
    const mainReason =
      zip.reasons?.[0]?.text ?? zip.why.find((sentence) => !/^Ranks \d+ of /.test(sentence)) ?? zip.why[0];
    const reason: Content[] = [{ text: pdfText(mainReason ?? 'No explanation recorded.') }];
    // The other strengths and the weaknesses in one line each; the full sentences are in the JSON and CSV.
    const also = (zip.reasons ?? []).slice(1).map((r) => strength(zip, r.feature, r.comparison));
    if (also.length) reason.push({ text: pdfText(`Also: ${also.join('; ')}.`), style: 'small' });
    if (zip.zcta === null)
      reason.push({ text: 'No matching Census ZCTA: Census figures missing.', style: 'small' });
    const weak = zip.components
      .filter(
        (c) =>
          c.source === 'census' && c.better === false && c.comparison !== 'about_same' && c.value !== null,
      )
      .map((c) => `${c.label.toLowerCase()} ${c.display ?? ''}`.trim());
    if (weak.length)
      reason.push({ text: pdfText(`Weaker than the geography: ${weak.join('; ')}.`), style: 'small' });
    const notes = zip.warnings.filter(
      (w) => !w.startsWith('Weakness: ') && !/an ACS (top|bottom) code/.test(w),
    );
    for (const warning of notes) reason.push({ text: pdfText(`Note: ${warning}`), style: 'small' });
    const others = (zip.zip_codes ?? []).filter((z) => z !== zip.zip_code);
    body.push([
      String(zip.rank),
      {
        stack: [
          { text: zip.zip_code, bold: true },
          ...(others.length ? [{ text: pdfText(`+ ${others.join(', ')}`), style: 'small' }] : []),
        ],
      },
      { text: zip.tier === undefined ? MISSING : String(zip.tier), alignment: 'center' },
      {
        text: withMoe(zip.score.toFixed(1), zip.score_moe ? zip.score_moe.toFixed(1) : null),
        alignment: 'right',
      },
      {
        text: pdfText(withMoe(formatCount(zip.households), countOrNull(zip.households_moe))),
        alignment: 'right',
      },
      { stack: reason },
    ]);
  }
  if (zips.length === 0) {
    body.push([
      { text: 'No ZIP code could be scored; see the caveats.', colSpan: 6, italics: true },
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [12, 40, 18, 44, 58, '*'], body },
    layout: TABLE_LAYOUT,
  };
}

/** Tier legend under the table: a rank inside a tier is not a real difference. */
export function tierNote(payload: ReportPayload): Content | null {
  if (!payload.tiers?.length) return null;
  const tiers = payload.tiers
    .map(
      (t) =>
        `tier ${t.tier}: ${t.first_rank === t.last_rank ? `rank ${t.first_rank}` : `ranks ${t.first_rank}-${t.last_rank}`}`,
    )
    .join('; ');
  return {
    text: pdfText(
      `Tiers group ZIP areas whose scores are not significantly different at 90% (${tiers}); within a tier the order is not a real difference. "Higher" or "lower" than the geography is said only when significant at 90%, else "about the same".`,
    ),
    style: 'small',
    margin: [0, 3, 0, 0],
  };
}

function medianText(figures: MedianRange, money: boolean): string {
  const fmt = (v: number | null) => (v === null ? MISSING : money ? formatDollars(v) : String(Math.round(v)));
  const span = figures.display_range ?? range(fmt(figures.min), fmt(figures.max));
  const e = figures.estimate;
  if (e) {
    const how = /^pooled median/.test(e.method) ? 'pooled median' : `ZCTA medians weighted by ${e.universe}`;
    const bound = /a bound/.test(e.method) ? '; a bound: coded medians counted at the code' : '';
    return `${e.display} (${how}${bound})\nrange of ZCTA medians ${span}`;
  }
  return `${span}\nhousehold-weighted ${fmt(figures.household_weighted)}`;
}

export function buyerProfile(payload: ReportPayload): Content {
  const profile = payload.buyer_profile;
  const addressable = profile.addressable_households;
  const rows: [string, string][] = [
    ['Households', withMoe(formatCount(profile.households.value), countOrNull(profile.households.moe))],
    [
      'Owner-occupied',
      withMoe(formatShare(profile.owner_share.value), formatSharePoints(profile.owner_share.moe)),
    ],
    ['Median household income', medianText(profile.median_household_income, true)],
    ['Median home value', medianText(profile.median_home_value, true)],
    ['Median year built', medianText(profile.median_year_built, false)],
    [
      'Addressable households',
      withMoe(formatCount(addressable.value), countOrNull(addressable.moe)) +
        (addressable.basis ? `\n${addressable.basis}` : ''),
    ],
  ];
  const body: TableCell[][] = rows.map(([label, value]) => [
    { text: label, bold: true },
    { text: pdfText(value) },
  ]);
  const areas = profile.zctas?.length ?? profile.zip_codes.length;
  const scope = `Across the ${areas} top ZIP areas, each counted once.`;
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

export function timing(payload: ReportPayload): Content {
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

export function channels(payload: ReportPayload): Content {
  const blocks: Content[] = [];
  const ranked = [...payload.recommended_channels].sort((a, b) => b.relevance - a.relevance);
  if (ranked.length) {
    const body: TableCell[][] = [
      ['#', 'Channel', 'Type', 'ZIP', 'Reach', 'Fit', 'Why'].map((label) => ({ text: label, style: 'th' })),
      ...ranked.map((channel, index): TableCell[] => [
        String(index + 1),
        { text: pdfText(channel.name), bold: true },
        pdfText(channelTypeLabel(channel.channel_type)),
        channel.zip_code ?? 'all',
        {
          text:
            channel.estimated_reach === null ? 'unknown' : `${formatCount(channel.estimated_reach)} people`,
          alignment: 'right',
        },
        { text: formatShare(channel.relevance), alignment: 'right' },
        { text: pdfText(channel.why), fontSize: 7.5 },
      ]),
    ];
    blocks.push({
      table: { headerRows: 1, dontBreakRows: true, widths: [10, 112, 66, 24, 46, 22, '*'], body },
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
        text: [{ text: pdfText(channelTypeLabel(add.channel_type)), bold: true }, pdfText(`: ${add.why}`)],
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

/** Labels for the ingestion source types (`SourceType`); an unknown one is shown humanised. */
const SOURCE_LABELS: Record<string, string> = {
  census: 'Census ACS',
  csv_property: 'Property CSV',
  csv_events: 'Events CSV',
  csv_channels: 'Channels CSV',
};

export function sources(payload: ReportPayload): Content {
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
      pdfText(SOURCE_LABELS[entry.source_type.toLowerCase()] ?? humanize(entry.source_type)),
      {
        text: pdfText(entry.last_success_at ? formatDate(entry.last_success_at) : 'never'),
        color: entry.is_stale ? '#a33' : undefined,
        bold: entry.is_stale,
      },
      pdfText(entry.detail + (entry.is_stale ? ' (stale)' : '')),
    ]),
  ];
  const missing = payload.missing_zips ?? [];
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
      ...(missing.length
        ? [
            {
              text: pdfText(`Not ranked: ${missing.map((m) => `${m.zip_code} (${m.reason})`).join('; ')}.`),
              style: 'small',
              margin: [0, 3, 0, 0],
            } as Content,
          ]
        : []),
    ],
  };
}

export function caveats(payload: ReportPayload): Content {
  return payload.caveats.length
    ? { ul: payload.caveats.map(pdfText) }
    : { text: 'None recorded.', italics: true, color: MUTED };
}
