import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import { STATUS_LABELS, label } from '../core/labels';

/** The status of a run or a report as a coloured chip: queued, running, succeeded, failed. */
@Component({
  selector: 'lbi-run-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    <span [class]="'status status--' + status()" [attr.data-status]="status()">
      <mat-icon class="icon" [svgIcon]="icon()" aria-hidden="true" />
      {{ text() }}
    </span>
  `,
  styles: `
    .status {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .icon {
      width: 18px;
      height: 18px;
    }
    .status--success {
      background: var(--lbi-success-container);
      color: var(--lbi-on-success-container);
    }
    .status--failed {
      background: var(--lbi-danger-container);
      color: var(--lbi-on-danger-container);
    }
    .status--running,
    .status--queued {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class RunStatusComponent {
  readonly status = input.required<string>();

  protected readonly text = computed(() => label(STATUS_LABELS, this.status()));
  protected readonly icon = computed(
    () =>
      ({ success: 'lbi-check-circle', failed: 'lbi-error', running: 'lbi-refresh', queued: 'lbi-schedule' })[
        this.status()
      ] ?? 'lbi-info',
  );
}
