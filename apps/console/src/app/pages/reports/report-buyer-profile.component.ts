import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { formatDollars, formatInteger, formatMoe, formatShare } from '../../shared/format';
import { estimate, isRecord, range, strings, text } from './report-data';

interface Figure {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
}

/** Who the buyers are, in aggregate: estimates with their margins of error, ranges of ZIP medians. */
@Component({
  selector: 'lbi-report-buyer-profile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (figures().length > 0) {
      <dl class="figures">
        @for (f of figures(); track f.label) {
          <div class="figure">
            <dt>{{ f.label }}</dt>
            <dd>
              <span class="value">{{ f.value }}</span>
              @if (f.detail) {
                <span class="detail">{{ f.detail }}</span>
              }
            </dd>
          </div>
        }
      </dl>
    }
    @if (zips().length > 0) {
      <p class="muted scope">Across the top ZIPs: {{ zips().join(', ') }}.</p>
    }
    @for (note of notes(); track $index) {
      <p class="muted note">{{ note }}</p>
    }
  `,
  styles: `
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 12px;
      margin: 0;
    }
    .figure {
      padding: 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    dd {
      display: flex;
      flex-direction: column;
      margin: 4px 0 0;
    }
    .value {
      font: var(--mat-sys-headline-small);
    }
    .detail {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .scope,
    .note {
      margin: 8px 0 0;
    }
  `,
})
export class BuyerProfileComponent {
  readonly profile = input.required<unknown>();

  private readonly data = computed(
    () => (isRecord(this.profile()) ? this.profile() : {}) as Record<string, unknown>,
  );

  protected readonly zips = computed(() => strings(this.data()['zip_codes']));
  protected readonly notes = computed(() => strings(this.data()['notes']));

  protected readonly figures = computed((): Figure[] => {
    const d = this.data();
    const figures: Figure[] = [];
    const addressable = estimate(d['addressable_households']);
    if (addressable.value !== null) {
      const basis = isRecord(d['addressable_households']) ? text(d['addressable_households']['basis']) : '';
      figures.push({
        label: 'Addressable households',
        value: formatInteger(addressable.value),
        detail: [formatMoe(addressable.moe, 'count'), basis].filter(Boolean).join(' · '),
      });
    }
    const households = estimate(d['households']);
    if (households.value !== null) {
      figures.push({
        label: 'Households',
        value: formatInteger(households.value),
        detail: formatMoe(households.moe, 'count'),
      });
    }
    const owners = estimate(d['owner_share']);
    if (owners.value !== null) {
      figures.push({
        label: 'Owner-occupied',
        value: formatShare(owners.value),
        detail: formatMoe(owners.moe, 'share'),
      });
    }
    const ranges: [string, string, (v: number | null) => string][] = [
      ['median_household_income', 'Median household income', formatDollars],
      ['median_home_value', 'Median home value', formatDollars],
      ['median_year_built', 'Median year built', (v) => (v === null ? '—' : String(Math.round(v)))],
    ];
    for (const [key, label, format] of ranges) {
      const entry = isRecord(d[key]) ? d[key] : {};
      const r = range(entry);
      const figure = isRecord(entry['estimate']) ? entry['estimate'] : null;
      if (figure && text(figure['display'])) {
        // Statistics v2: one figure for the top ZIPs (pooled, or weighted by its own universe), with MOE.
        const spread =
          text(entry['display_range']) ||
          (r.min !== null && r.max !== null ? `${format(r.min)} – ${format(r.max)}` : '');
        figures.push({
          label,
          value: text(figure['display']),
          detail: [text(figure['method']), spread ? `ZIP medians ${spread}` : ''].filter(Boolean).join(' · '),
        });
        continue;
      }
      if (r.min === null && r.max === null && r.weighted === null) continue;
      figures.push({
        label,
        value: r.min === null || r.max === null ? format(r.weighted) : `${format(r.min)} – ${format(r.max)}`,
        detail:
          r.weighted === null
            ? 'range of the ZIP medians'
            : `range of ZIP medians · household-weighted ${format(r.weighted)}`,
      });
    }
    return figures;
  });
}
