import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import type { TradeAreaPreviewResponse } from '@lbi/contracts';

import { formatInteger } from '../../shared/format';
import { MapZip, ZctaMapComponent } from '../../shared/map/zcta-map.component';

/**
 * What a ring or a county set would hold, before it is saved (GET /trade-areas/preview): how many
 * ZIPs, the ZCTAs on the offline map and as a list (with their distance or county share), and the
 * ZCTAs no ZIP can stand for.
 */
@Component({
  selector: 'lbi-trade-area-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZctaMapComponent],
  template: `
    @let p = preview();
    <p class="count" data-testid="preview-count" role="status">
      {{ formatInteger(p.zip_codes.length) }} ZIP code{{ p.zip_codes.length === 1 ? '' : 's' }} in
      {{ formatInteger(p.zctas.length) }} Census ZCTA{{ p.zctas.length === 1 ? '' : 's' }}
      @if (p.skipped.length > 0) {
        · {{ p.skipped.length }} ZCTA{{ p.skipped.length === 1 ? '' : 's' }} left out (no ZIP of its own)
      }
    </p>
    <div class="layout">
      <lbi-zcta-map
        [zips]="mapZips()"
        [scored]="false"
        scoreLabel="Trade area"
        [selectedZip]="selected()"
        (zipSelected)="select($event)"
      />
      <div class="list" tabindex="0" role="region" aria-label="ZIP codes of the trade area">
        <table class="plain">
          <caption class="visually-hidden">
            ZIP codes the geography would hold
          </caption>
          <thead>
            <tr>
              <th scope="col">ZIP</th>
              <th scope="col">ZCTA</th>
              <th scope="col">{{ ring() ? 'Miles' : 'County' }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.zcta) {
              <tr [attr.data-zcta]="row.zcta" [class.selected]="(row.zip ?? row.zcta) === selected()">
                <td>{{ row.zip ?? '—' }}</td>
                <td>{{ row.zcta }}</td>
                <td>{{ row.detail }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </div>
    @if (p.skipped.length > 0) {
      <ul class="skipped muted small">
        @for (s of p.skipped; track s.zcta) {
          <li>ZCTA {{ s.zcta }}: {{ s.reason }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .count {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(220px, 1fr);
      gap: 16px;
      align-items: start;
    }
    .list {
      max-height: 420px;
      overflow: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .plain {
      width: 100%;
      border-collapse: collapse;
      th,
      td {
        padding: 4px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        text-align: left;
      }
      tr.selected td {
        background: var(--mat-sys-secondary-container);
      }
      th {
        position: sticky;
        top: 0;
        background: var(--mat-sys-surface);
      }
    }
    .skipped {
      margin: 8px 0 0;
      padding-left: 20px;
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class TradeAreaPreviewComponent {
  private readonly host = inject(ElementRef<HTMLElement>);

  readonly preview = input.required<TradeAreaPreviewResponse>();
  protected readonly selected = signal<string | null>(null);

  protected readonly ring = computed(() => this.preview().trade_area.kind === 'ring');

  protected readonly rows = computed(() =>
    this.preview().zctas.map((z) => ({
      zcta: z.zcta,
      zip: z.zip_code,
      detail:
        z.distance_miles !== undefined
          ? z.distance_miles.toFixed(1)
          : z.main_county
            ? `${z.main_county}${z.land_share !== undefined ? ` (${Math.round(z.land_share * 100)}% of land in the set)` : ''}`
            : '—',
    })),
  );

  protected readonly mapZips = computed((): MapZip[] =>
    this.preview().zctas.map((z) => ({
      zip: z.zip_code ?? z.zcta,
      zcta: z.zcta,
      lat: z.lat,
      lon: z.lon,
      place: null,
      score: null,
      households: null,
      reason:
        z.distance_miles !== undefined
          ? `${z.distance_miles.toFixed(1)} miles from the centre`
          : z.main_county
            ? `Main county ${z.main_county}`
            : null,
    })),
  );

  /** A mark picked on the map: its row is highlighted and scrolled into the list's view. */
  protected select(zip: string): void {
    this.selected.set(zip);
    const zcta = this.mapZips().find((z) => z.zip === zip)?.zcta;
    setTimeout(() =>
      (this.host.nativeElement as HTMLElement)
        .querySelector(`tr[data-zcta="${zcta}"]`)
        ?.scrollIntoView({ block: 'nearest' }),
    );
  }

  protected readonly formatInteger = formatInteger;
}
