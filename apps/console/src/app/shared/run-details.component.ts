import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { IngestionRunWithDetails, RowError } from '@lbi/contracts';

import { SOURCE_LABELS, label } from '../core/labels';
import { formatDateTime, formatInteger } from './format';
import { RunStatusComponent } from './run-status.component';
import { isFinished } from '../core/api-files';

/** One run as it goes: status, rows read, records written, and why it failed (by row and column). */
@Component({
  selector: 'lbi-run-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, RunStatusComponent],
  template: `
    @let r = run();
    <section class="run" [attr.aria-busy]="!finished()" aria-live="polite">
      <div class="head">
        <lbi-run-status [status]="r.status" />
        <span class="what">{{ source() }} run</span>
        <span class="when">started {{ started() }}</span>
      </div>
      @if (!finished()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="source() + ' run in progress'" />
      }
      <dl class="counts">
        <div>
          <dt>Rows processed</dt>
          <dd data-testid="rows-processed">{{ count(r.rows_processed) }}</dd>
        </div>
        <div>
          <dt>Records written</dt>
          <dd data-testid="records-upserted">{{ count(r.records_upserted) }}</dd>
        </div>
        @if (r.finished_at) {
          <div>
            <dt>Finished</dt>
            <dd>{{ finishedAt() }}</dd>
          </div>
        }
      </dl>
      @if (r.error_message) {
        <p class="error" role="alert">{{ r.error_message }}</p>
      }
      @if (rowErrors().length > 0) {
        <table class="errors">
          <caption>
            Problems by row and column (nothing was written)
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            @for (error of rowErrors(); track $index) {
              <tr>
                <td>{{ error.row }}</td>
                <td>
                  <code>{{ error.column }}</code>
                </td>
                <td>{{ error.reason }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
      @for (note of notes(); track $index) {
        <p class="note">{{ note }}</p>
      }
    </section>
  `,
  styles: `
    .run {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .what {
      font: var(--mat-sys-title-small);
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
      overflow-wrap: anywhere;
    }
    .errors {
      width: 100%;
      border-collapse: collapse;
      caption {
        text-align: left;
        font: var(--mat-sys-title-small);
        padding-bottom: 4px;
      }
      th,
      td {
        padding: 6px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        text-align: left;
        vertical-align: top;
      }
    }
    .note {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RunDetailsComponent {
  readonly run = input.required<IngestionRunWithDetails>();

  protected readonly finished = computed(() => isFinished(this.run().status));
  protected readonly source = computed(() => label(SOURCE_LABELS, this.run().source_type));
  protected readonly started = computed(() => formatDateTime(this.run().started_at ?? this.run().created_at));
  protected readonly finishedAt = computed(() => formatDateTime(this.run().finished_at));
  protected readonly count = formatInteger;
  protected readonly rowErrors = computed(() => {
    const errors = this.run().details['errors'];
    return Array.isArray(errors) ? (errors.filter(isRowError) as RowError[]) : [];
  });
  protected readonly notes = computed(() => {
    const notes = this.run().details['notes'];
    return Array.isArray(notes) ? notes.filter((note): note is string => typeof note === 'string') : [];
  });
}

function isRowError(value: unknown): value is RowError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RowError).row === 'number' &&
    typeof (value as RowError).column === 'string' &&
    typeof (value as RowError).reason === 'string'
  );
}
