import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { scoreClass } from './score-scale';

export interface Bar {
  readonly key: string;
  readonly label: string;
  /** 0..100 */
  readonly value: number;
  readonly note?: string;
}

/** Scores as horizontal bars, coloured like the map, each with its number written out. */
@Component({
  selector: 'lbi-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption class="caption">{{ caption() }}</figcaption>
      <ol class="bars">
        @for (bar of shown(); track bar.key) {
          <li class="row" [class.row--selected]="bar.key === selectedKey()">
            <button
              type="button"
              class="label"
              (click)="picked.emit(bar.key)"
              [attr.aria-label]="bar.label + ': ' + bar.value.toFixed(1)"
            >
              {{ bar.label }}
            </button>
            <span class="track" aria-hidden="true">
              <span class="fill" [style.width.%]="bar.value" [style.background]="color(bar.value)"></span>
            </span>
            <span class="value">{{ bar.value.toFixed(1) }}</span>
          </li>
        }
      </ol>
      @if (hidden() > 0) {
        <p class="more">… and {{ hidden() }} more in the table.</p>
      }
    </figure>
  `,
  styles: `
    .chart {
      margin: 0;
    }
    .caption {
      margin-bottom: 8px;
      font: var(--mat-sys-title-small);
    }
    .bars {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: grid;
      grid-template-columns: minmax(72px, 140px) 1fr 44px;
      align-items: center;
      gap: 8px;
      padding: 2px 0;
    }
    .row--selected .label {
      font-weight: 700;
      color: var(--mat-sys-primary);
    }
    .label {
      padding: 2px 4px;
      border: 0;
      background: none;
      color: inherit;
      font: var(--mat-sys-body-medium);
      text-align: left;
      cursor: pointer;
      border-radius: 4px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .label:hover {
      text-decoration: underline;
    }
    .label:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .track {
      height: 14px;
      border-radius: 7px;
      background: var(--mat-sys-surface-container-high);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      border-radius: 7px;
    }
    .value {
      text-align: right;
      font: var(--mat-sys-label-large);
      font-variant-numeric: tabular-nums;
    }
    .more {
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class BarChartComponent {
  readonly bars = input.required<readonly Bar[]>();
  readonly caption = input.required<string>();
  readonly limit = input(15);
  readonly selectedKey = input<string | null>(null);
  readonly picked = output<string>();

  protected readonly shown = computed(() =>
    [...this.bars()].sort((a, b) => b.value - a.value).slice(0, this.limit()),
  );
  protected readonly hidden = computed(() => Math.max(0, this.bars().length - this.limit()));
  protected readonly color = (value: number): string => scoreClass(value)?.color ?? 'transparent';
}
