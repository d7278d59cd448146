import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { formatInteger } from '../../shared/format';
import { isRecord, numberOr, records, strings, text } from './report-data';

/**
 * Who else already sells there (payload `competition`, ZIP Code Business Patterns): the industries
 * counted, the establishments of each top ZIP's ZCTA and of the whole area, per 1,000 addressable
 * households, the demand-to-supply gap, and what the source cannot say. Nothing when it is absent.
 */
@Component({
  selector: 'lbi-report-competition',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (section(); as c) {
      <p class="intro">
        Establishments of {{ c.industries }}
        @if (c.year) {
          ({{ c.year }} ZIP Code Business Patterns)
        }
        · per 1,000 {{ c.basis }}. Across the area: {{ count(c.total) }} establishments in
        {{ count(c.zctas) }} ZCTAs{{ c.rate === null ? '' : ', ' + c.rate.toFixed(1) + ' per 1,000' }}.
      </p>
      <div class="table-wrap">
        <table class="plain">
          <caption class="visually-hidden">
            Competing establishments of each top ZIP
          </caption>
          <thead>
            <tr>
              <th scope="col">ZIP</th>
              <th scope="col">Establishments</th>
              <th scope="col">Per 1,000 households</th>
              <th scope="col">Households per establishment</th>
              <th scope="col">Gap vs the area</th>
            </tr>
          </thead>
          <tbody>
            @for (z of c.zips; track z.zip) {
              <tr>
                <td>
                  {{ z.zip }}
                  @if (z.note) {
                    <div class="muted small">{{ z.note }}</div>
                  }
                </td>
                <td class="number">{{ count(z.establishments) }}</td>
                <td class="number">{{ z.rate === null ? '—' : z.rate.toFixed(1) }}</td>
                <td class="number">{{ count(z.perEstablishment) }}</td>
                <td class="number">{{ z.gap === null ? '—' : z.gap.toFixed(2) + '×' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (c.caveats.length > 0) {
        <ul class="caveats">
          @for (caveat of c.caveats; track $index) {
            <li>{{ caveat }}</li>
          }
        </ul>
      }
    }
  `,
  styles: `
    .intro {
      margin: 0 0 8px;
    }
    .plain {
      width: 100%;
      border-collapse: collapse;
      th,
      td {
        padding: 6px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        text-align: left;
        vertical-align: top;
      }
      .number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    }
    .caveats {
      margin: 12px 0 0;
      padding-left: 20px;
    }
  `,
})
export class CompetitionComponent {
  readonly competition = input.required<unknown>();

  protected readonly section = computed(() => {
    const c = this.competition();
    if (!isRecord(c)) return null;
    const geography = isRecord(c['geography']) ? c['geography'] : {};
    const industries = records(c['industries']).map((i) => `${text(i['label'])} (NAICS ${text(i['code'])})`);
    return {
      industries: industries.length > 0 ? industries.join(', ') : strings(c['naics']).join(', '),
      year: text(c['year']),
      basis: text(c['basis'], 'households'),
      total: numberOr(geography['establishments']),
      zctas: numberOr(geography['zctas_counted']),
      rate: numberOr(geography['per_1000_households']),
      zips: records(c['zips']).map((z) => ({
        zip: text(z['zip_code'], '?'),
        establishments: numberOr(z['establishments']),
        rate: numberOr(z['per_1000_households']),
        perEstablishment: numberOr(z['households_per_establishment']),
        gap: numberOr(z['demand_supply_gap']),
        note: text(z['note']),
      })),
      caveats: strings(c['caveats']),
    };
  });

  protected count(value: number | null): string {
    return value === null ? '—' : formatInteger(value);
  }
}
