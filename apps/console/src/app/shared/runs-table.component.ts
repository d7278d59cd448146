import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import type { IngestionRunWithDetails } from '@lbi/contracts';

import { SOURCE_LABELS, label } from '../core/labels';
import { formatDateTime, formatInteger } from './format';
import { RunDetailsComponent } from './run-details.component';
import { RunStatusComponent } from './run-status.component';

/** Ingestion runs, newest first: sortable and paged; a row opens its details (errors by row and column). */
@Component({
  selector: 'lbi-runs-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatPaginatorModule,
    MatSortModule,
    MatTableModule,
    RunDetailsComponent,
    RunStatusComponent,
  ],
  template: `
    <div class="table-wrap">
      <table mat-table [dataSource]="dataSource" matSort matSortActive="created_at" matSortDirection="desc">
        <caption class="visually-hidden">
          {{
            caption()
          }}
        </caption>
        <ng-container matColumnDef="created_at">
          <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Sort by start">
            Started
          </th>
          <td mat-cell *matCellDef="let run">{{ when(run) }}</td>
        </ng-container>
        <ng-container matColumnDef="source_type">
          <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Sort by source">
            Source
          </th>
          <td mat-cell *matCellDef="let run">{{ source(run.source_type) }}</td>
        </ng-container>
        <ng-container matColumnDef="geography">
          <th mat-header-cell *matHeaderCellDef>Geography</th>
          <td mat-cell *matCellDef="let run">{{ geographyNames()[run.geography_id ?? ''] ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Sort by status">
            Status
          </th>
          <td mat-cell *matCellDef="let run"><lbi-run-status [status]="run.status" /></td>
        </ng-container>
        <ng-container matColumnDef="rows_processed">
          <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Sort by rows">Rows</th>
          <td mat-cell *matCellDef="let run" class="number">{{ count(run.rows_processed) }}</td>
        </ng-container>
        <ng-container matColumnDef="records_upserted">
          <th
            mat-header-cell
            *matHeaderCellDef
            mat-sort-header
            sortActionDescription="Sort by records written"
          >
            Written
          </th>
          <td mat-cell *matCellDef="let run" class="number">{{ count(run.records_upserted) }}</td>
        </ng-container>
        <ng-container matColumnDef="details">
          <th mat-header-cell *matHeaderCellDef><span class="visually-hidden">Details</span></th>
          <td mat-cell *matCellDef="let run">
            <button
              mat-button
              type="button"
              (click)="toggle(run)"
              [attr.aria-expanded]="opened()?.id === run.id"
            >
              {{ opened()?.id === run.id ? 'Hide' : 'Details' }}
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let run; columns: columns()" [class.row--open]="opened()?.id === run.id"></tr>
      </table>
      <mat-paginator [pageSizeOptions]="[10, 25, 50]" [pageSize]="pageSize()" aria-label="Pages of runs" />
    </div>
    @if (opened(); as run) {
      <div class="details-box">
        <lbi-run-details [run]="run" />
      </div>
    }
  `,
  styles: `
    .number {
      font-variant-numeric: tabular-nums;
    }
    .row--open {
      background: var(--mat-sys-secondary-container);
    }
    .details-box {
      margin-top: 12px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
  `,
})
export class RunsTableComponent {
  readonly runs = input.required<readonly IngestionRunWithDetails[]>();
  /** Geography id -> name; the column shows when given. */
  readonly geographyNames = input<Readonly<Partial<Record<string, string>>>>({});
  readonly showGeography = input(true);
  readonly caption = input('Ingestion runs');
  readonly pageSize = input(10);

  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);
  protected readonly opened = signal<IngestionRunWithDetails | null>(null);
  protected readonly dataSource = new MatTableDataSource<IngestionRunWithDetails>([]);
  protected readonly columns = computed(() =>
    this.showGeography()
      ? ['created_at', 'source_type', 'geography', 'status', 'rows_processed', 'records_upserted', 'details']
      : ['created_at', 'source_type', 'status', 'rows_processed', 'records_upserted', 'details'],
  );
  protected readonly count = formatInteger;
  protected readonly source = (type: string) => label(SOURCE_LABELS, type);
  protected readonly when = (run: IngestionRunWithDetails) =>
    formatDateTime(run.started_at ?? run.created_at);

  constructor() {
    effect(() => {
      const runs = this.runs();
      this.dataSource.data = [...runs];
      // Keep an open run's details current as the list refreshes.
      const open = untracked(this.opened);
      if (open) this.opened.set(runs.find((r) => r.id === open.id) ?? null);
    });
    effect(() => {
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });
  }

  protected toggle(run: IngestionRunWithDetails): void {
    this.opened.set(this.opened()?.id === run.id ? null : run);
  }
}
