import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { SourceFreshness } from '@lbi/contracts';

import { SOURCE_LABELS, label } from '../core/labels';
import { formatDateTime } from './format';

/** Fresh / stale / never for one source, the date and the reason on hover (and for screen readers). */
@Component({
  selector: 'lbi-freshness-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTooltipModule],
  template: `
    <span
      class="chip"
      [class]="'chip chip--' + state()"
      [matTooltip]="detail()"
      tabindex="0"
      [attr.aria-label]="sourceLabel() + ': ' + stateLabel() + '. ' + detail()"
    >
      @if (showSource()) {
        <span class="source">{{ sourceLabel() }}</span>
      }
      {{ stateLabel() }}
    </span>
  `,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      cursor: default;
    }
    .chip:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .chip--fresh {
      background: var(--lbi-success-container);
      color: var(--lbi-on-success-container);
    }
    .chip--stale {
      background: var(--lbi-warning-container);
      color: var(--lbi-on-warning-container);
    }
    .chip--never {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .source {
      font-weight: 600;
    }
  `,
})
export class FreshnessChipComponent {
  readonly freshness = input.required<SourceFreshness>();
  readonly showSource = input(false);

  protected readonly state = computed(() => {
    const f = this.freshness();
    if (!f.last_success_at) return 'never';
    return f.is_stale ? 'stale' : 'fresh';
  });
  protected readonly stateLabel = computed(
    () => ({ never: 'Never', stale: 'Stale', fresh: 'Fresh' })[this.state()],
  );
  protected readonly sourceLabel = computed(() => label(SOURCE_LABELS, this.freshness().source_type));
  protected readonly detail = computed(() => {
    const f = this.freshness();
    const last = f.last_success_at ? `Last success ${formatDateTime(f.last_success_at)}` : 'Never imported';
    return `${last}; ${f.reason}.`;
  });
}
