import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { channelTypeLabel } from '../../core/labels';
import { formatInteger } from '../../shared/format';
import { numberOr, records, text } from './report-data';

/** Recommended channels with why, and the channel types worth adding. */
@Component({
  selector: 'lbi-report-channels',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (channels().length === 0) {
      <p class="muted">
        No channel of this geography fits the category yet. <a routerLink="/channels">Add channels</a> (HOAs,
        schools, chambers, local media…) and generate the report again.
      </p>
    } @else {
      <ol class="channels">
        @for (c of channels(); track $index) {
          <li class="channel">
            <div class="head">
              <span class="name">{{ c.name }}</span>
              <span class="type">{{ c.type }}</span>
              @if (c.zip) {
                <span class="muted">ZIP {{ c.zip }}</span>
              }
              @if (c.coversTop) {
                <span class="tag">in a top ZIP</span>
              }
            </div>
            <div class="relevance" [attr.aria-label]="'Relevance ' + c.relevance + ' percent'">
              <span class="bar" aria-hidden="true"
                ><span class="fill" [style.width.%]="c.relevance"></span
              ></span>
              <span class="muted"
                >relevance {{ c.relevance }}%{{ c.reach ? ' · reach ' + c.reach : '' }}</span
              >
            </div>
            <p class="why">{{ c.why }}</p>
          </li>
        }
      </ol>
    }
    @if (toAdd().length > 0) {
      <h3 class="sub">Channel types to add</h3>
      <ul class="to-add">
        @for (t of toAdd(); track $index) {
          <li>
            <strong>{{ t.type }}</strong> — {{ t.why }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .channels,
    .to-add {
      margin: 0;
      padding-left: 20px;
    }
    .channel {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
    }
    .name {
      font: var(--mat-sys-title-small);
    }
    .type {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-primary);
    }
    .tag {
      padding: 0 8px;
      border-radius: 999px;
      background: var(--lbi-success-container);
      color: var(--lbi-on-success-container);
      font: var(--mat-sys-label-small);
    }
    .relevance {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-top: 4px;
      font: var(--mat-sys-body-small);
    }
    .bar {
      width: 120px;
      height: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .why {
      margin: 4px 0 0;
    }
    .sub {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-small);
    }
  `,
})
export class ChannelsSectionComponent {
  readonly recommended = input<unknown>([]);
  readonly typesToAdd = input<unknown>([]);

  protected readonly channels = computed(() =>
    records(this.recommended()).map((c) => {
      const reach = numberOr(c['estimated_reach']);
      return {
        name: text(c['name'], 'Unnamed channel'),
        type: channelTypeLabel(text(c['channel_type'], 'other')),
        zip: text(c['zip_code']) || null,
        reach: reach === null ? '' : formatInteger(reach),
        relevance: Math.round((numberOr(c['relevance'], 0) as number) * 100),
        coversTop: c['covers_top_zip'] === true,
        why: text(c['why']),
      };
    }),
  );
  protected readonly toAdd = computed(() =>
    records(this.typesToAdd()).map((t) => ({
      type: channelTypeLabel(text(t['channel_type'], 'other')),
      why: text(t['why']),
    })),
  );
}
