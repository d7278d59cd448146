import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import type { GeographyResponse } from '@lbi/contracts';

import { BarChartComponent, Bar } from '../../shared/bar-chart.component';
import { formatByUnit, formatInteger, formatMoe, formatShare } from '../../shared/format';
import { MapZip, ZctaMapComponent } from '../../shared/map/zcta-map.component';
import { Json, extraFields, numberOr, records, strings, text } from './report-data';

const KNOWN_FIELDS = [
  'rank',
  'zip_code',
  'zcta',
  'score',
  'households',
  'components',
  'why',
  'warnings',
  'households_moe',
  'zip_codes',
  'tier',
  'score_moe',
  'reasons',
];

const COMPARISON_LABELS: Readonly<Partial<Record<string, string>>> = {
  higher: 'higher (significant at 90%)',
  lower: 'lower (significant at 90%)',
  about_same: 'about the same',
  not_tested: 'not tested',
};

const RELIABILITY_LABELS: Readonly<Partial<Record<string, string>>> = {
  reliable: 'reliable',
  unreliable: 'unreliable (CV over 30%)',
  unknown: 'unknown (no margin of error)',
  exact: 'exact',
  censored: 'censored (a top or bottom code)',
  not_applicable: 'your data (no sampling)',
};

interface TopZipView {
  readonly rank: number | null;
  readonly zip: string;
  readonly zcta: string | null;
  /** Other ZIPs of the geography under the same ZCTA (PO-box ZIPs). */
  readonly alsoZips: string[];
  readonly score: number | null;
  readonly scoreMoe: number | null;
  readonly tier: number | null;
  readonly households: number | null;
  readonly householdsMoe: number | null;
  readonly why: string[];
  readonly warnings: string[];
  readonly components: Json[];
  readonly extras: { label: string; value: string }[];
}

/** The report's top ZIPs: the map (every ZCTA of the geography), a bar chart and the table with reasons. */
@Component({
  selector: 'lbi-report-top-zips',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChartComponent, ZctaMapComponent],
  templateUrl: './report-top-zips.component.html',
  styleUrl: './report-top-zips.component.scss',
})
export class TopZipsComponent {
  private readonly host = inject(ElementRef<HTMLElement>);

  readonly topZips = input.required<unknown>();
  readonly geography = input<GeographyResponse | null>(null);
  readonly households = input<ReadonlyMap<string, number>>(new Map());
  readonly categoryLabel = input('Score');
  /** The map's marks when they are not the geography's ZCTAs (a scan maps every ranked ZCTA). */
  readonly mapPoints = input<readonly MapZip[] | null>(null);
  readonly noScoreLabel = input('outside the top ZIPs');
  /** Off for a state's map: dozens of county names would cover the marks, thousands of tab stops. */
  readonly countyLabels = input(true);
  readonly focusableMarks = input(true);

  protected readonly selectedZip = signal<string | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

  protected readonly rows = computed((): TopZipView[] =>
    records(this.topZips()).map((entry) => ({
      rank: numberOr(entry['rank']),
      zip: text(entry['zip_code'], '?'),
      zcta: typeof entry['zcta'] === 'string' ? entry['zcta'] : null,
      alsoZips: strings(entry['zip_codes']).filter((zip) => zip !== text(entry['zip_code'])),
      score: numberOr(entry['score']),
      scoreMoe: numberOr(entry['score_moe']),
      tier: numberOr(entry['tier']),
      households: numberOr(entry['households']),
      householdsMoe: numberOr(entry['households_moe']),
      why: strings(entry['why']),
      warnings: strings(entry['warnings']),
      components: records(entry['components']),
      extras: extraFields(entry, KNOWN_FIELDS),
    })),
  );

  protected readonly mapZips = computed((): readonly MapZip[] => {
    const points = this.mapPoints();
    if (points) return points;
    const top = new Map(this.rows().map((r) => [r.zip, r]));
    const geography = this.geography();
    const entries = geography?.zcta_resolution ?? [];
    return entries.map((entry) => {
      const row = top.get(entry.zip);
      return {
        zip: entry.zip,
        zcta: entry.zcta,
        lat: entry.lat,
        lon: entry.lon,
        place: [entry.po_name, entry.state].filter(Boolean).join(', ') || null,
        score: row?.score ?? null,
        households: row?.households ?? this.households().get(entry.zip) ?? null,
        reason: row
          ? (row.why.find((w) => !/^Ranks \d/.test(w)) ?? row.why[0] ?? null)
          : 'Not among the top ZIPs of this report.',
      };
    });
  });

  protected readonly hasTiers = computed(() => this.rows().some((r) => r.tier !== null));

  protected readonly bars = computed((): Bar[] =>
    this.rows()
      .filter((r) => r.score !== null)
      .map((r) => ({ key: r.zip, label: r.zip, value: r.score as number })),
  );

  protected toggle(zip: string): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (next.has(zip)) next.delete(zip);
      else next.add(zip);
      return next;
    });
  }

  protected open(zip: string): void {
    if (!this.rows().some((r) => r.zip === zip)) {
      this.selectedZip.set(zip);
      return;
    }
    this.selectedZip.set(zip);
    this.expanded.update((set) => new Set([...set, zip]));
    setTimeout(() => {
      const row = (this.host.nativeElement as HTMLElement).querySelector<HTMLElement>(
        `tr[data-zip="${zip}"]`,
      );
      row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      row?.focus({ preventScroll: true });
    });
  }

  protected componentValue(component: Json): string {
    if (typeof component['display'] === 'string') return component['display'];
    const unit = text(component['unit_of_measure']);
    const value = formatByUnit(numberOr(component['value']), unit);
    const moe = numberOr(component['moe']);
    const kind = unit === 'share' ? 'share' : unit === 'dollars' || unit === 'usd' ? 'dollars' : 'count';
    return moe === null ? value : `${value} ${formatMoe(moe, kind)}`;
  }

  protected geographyValue(component: Json): string {
    if (typeof component['geography_display'] === 'string') return component['geography_display'];
    return formatByUnit(numberOr(component['geography_value']), text(component['unit_of_measure']));
  }

  /** The 90% test against the geography, when the report carries it. */
  protected comparison(component: Json): string {
    const comparison = text(component['comparison']);
    return comparison ? (COMPARISON_LABELS[comparison] ?? comparison.replace(/_/g, ' ')) : '—';
  }

  protected reliability(component: Json): string {
    const reliability = text(component['reliability']);
    if (reliability) return RELIABILITY_LABELS[reliability] ?? reliability.replace(/_/g, ' ');
    return component['reliable'] === false ? 'unreliable (CV over 30%)' : 'reliable';
  }

  protected plusMinus(value: number | null, moe: number | null, digits = 0): string {
    if (value === null) return '—';
    const shown = digits > 0 ? value.toFixed(digits) : formatInteger(value);
    if (moe === null || moe === 0) return shown;
    return `${shown} ± ${digits > 0 ? moe.toFixed(digits) : formatInteger(moe)}`;
  }

  protected percentile(component: Json): string {
    const p = numberOr(component['percentile']);
    return p === null ? '—' : `${Math.round(p * 100)}th`;
  }

  protected weight(component: Json): string {
    return formatShare(numberOr(component['effective_weight']), 0);
  }

  protected readonly formatInteger = formatInteger;
  protected readonly text = text;
}
