import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { GeographyResponse, SourceFreshness } from '@lbi/contracts';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';

import { describeError } from '../../core/api-error';
import { SessionService } from '../../core/session.service';
import { ConfirmDialogComponent, ConfirmData } from '../../shared/confirm-dialog.component';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatDate } from '../../shared/format';
import { FreshnessChipComponent } from '../../shared/freshness-chip.component';
import { GeographiesService } from './geographies.service';

interface GeographyRow {
  readonly geography: GeographyResponse;
  readonly name: string;
  readonly zips: number;
  readonly withoutZcta: number;
  readonly updated: string;
  /** null while loading or when it could not be read. */
  readonly freshness: readonly SourceFreshness[] | null;
}

/** Every geography of the tenant: a sortable, filterable, paged table with data freshness per source. */
@Component({
  selector: 'lbi-geographies-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EmptyStateComponent,
    ErrorBannerComponent,
    FreshnessChipComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
  ],
  templateUrl: './geographies-list.page.html',
})
export class GeographiesListPage {
  private readonly geographies = inject(GeographiesService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  protected readonly canWrite = inject(SessionService).canWrite;
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly rows = signal<readonly GeographyRow[] | null>(null);
  protected readonly filterText = signal('');
  protected readonly dataSource = new MatTableDataSource<GeographyRow>([]);
  protected readonly columns = computed(() =>
    this.canWrite()
      ? ['name', 'zips', 'freshness', 'updated', 'actions']
      : ['name', 'zips', 'freshness', 'updated'],
  );
  protected readonly formatDate = formatDate;

  constructor() {
    this.dataSource.filterPredicate = (row, filter) =>
      row.name.toLowerCase().includes(filter) ||
      row.geography.zip_codes.some((zip) => zip.startsWith(filter));
    this.dataSource.sortingDataAccessor = (row, column) =>
      column === 'zips' ? row.zips : column === 'updated' ? row.updated : row.name.toLowerCase();
    effect(() => {
      this.dataSource.data = [...(this.rows() ?? [])];
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });
    effect(() => (this.dataSource.filter = this.filterText().trim().toLowerCase()));
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.geographies
      .list()
      .pipe(
        switchMap((list) => {
          const base = list.map((geography) => toRow(geography, null));
          this.rows.set(base);
          if (list.length === 0) return of(base);
          return forkJoin(
            list.map((geography) =>
              this.geographies.freshness(geography.id).pipe(
                map((freshness) => toRow(geography, freshness)),
                catchError(() => of(toRow(geography, null))),
              ),
            ),
          );
        }),
      )
      .subscribe({
        next: (rows) => {
          this.rows.set(rows);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.error.set(describeError(error).message);
          this.loading.set(false);
        },
      });
  }

  protected confirmDelete(row: GeographyRow): void {
    const data: ConfirmData = {
      title: `Delete "${row.name}"?`,
      message: `Its ${row.zips} ZIP codes, Census figures, imported data, channels, runs, scores and reports are deleted with it. This cannot be undone.`,
      confirm: 'Delete geography',
    };
    this.dialog
      .open(ConfirmDialogComponent, { data })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.geographies.remove(row.geography.id).subscribe({
          next: () => {
            this.snackBar.open(`Deleted "${row.name}".`, 'OK', { duration: 4000 });
            this.load();
          },
          error: (error: unknown) => this.error.set(describeError(error).message),
        });
      });
  }
}

function toRow(geography: GeographyResponse, freshness: readonly SourceFreshness[] | null): GeographyRow {
  return {
    geography,
    name: geography.name,
    zips: geography.zip_codes.length,
    withoutZcta: geography.zcta_resolution.filter((r) => r.zcta === null).length,
    updated: geography.updated_at,
    freshness,
  };
}
