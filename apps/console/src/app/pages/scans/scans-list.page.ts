import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  DEFAULT_SCAN_LIMIT,
  MAX_SCAN_LIMIT,
  SCAN_NATION,
  US_STATES,
  type CategoryResponse,
  type ScanResponse,
  type ScanSummaryResponse,
} from '@lbi/contracts';
import { Subscription, switchMap } from 'rxjs';

import { describeError } from '../../core/api-error';
import { SessionService } from '../../core/session.service';
import { CategoriesService } from '../../shared/categories.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatDateTime } from '../../shared/format';
import { RunStatusComponent } from '../../shared/run-status.component';
import { ScansService } from './scans.service';
import { scopeName } from './scope';

/** Scans of the tenant, and (for writers) the form that starts one, with its progress. */
@Component({
  selector: 'lbi-scans-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EmptyStateComponent,
    ErrorBannerComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    RunStatusComponent,
  ],
  templateUrl: './scans-list.page.html',
  styles: `
    .start {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px 16px;
      margin-bottom: 8px;
      mat-form-field {
        min-width: 220px;
      }
      .limit {
        min-width: 0;
        width: 160px;
      }
      button {
        margin-top: 8px;
      }
    }
    .pending {
      margin-top: 12px;
    }
  `,
})
export class ScansListPage {
  private readonly scans = inject(ScansService);
  private readonly router = inject(Router);
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);
  private starting: Subscription | undefined;

  protected readonly canWrite = inject(SessionService).canWrite;
  protected readonly states = US_STATES;
  protected readonly nation = SCAN_NATION;
  protected readonly maxLimit = MAX_SCAN_LIMIT;
  protected readonly list = signal<readonly ScanSummaryResponse[] | null>(null);
  protected readonly categories = signal<readonly CategoryResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly newCategory = signal('roofing');
  protected readonly newState = signal('PA');
  protected readonly newLimit = signal<number | null>(DEFAULT_SCAN_LIMIT);
  protected readonly pending = signal<ScanResponse | null>(null);
  protected readonly startError = signal<string | null>(null);
  protected readonly limitError = signal<string | null>(null);
  /** The limit field shows its error whenever there is a message for it. */
  protected readonly limitMatcher: ErrorStateMatcher = { isErrorState: () => this.limitError() !== null };
  protected readonly dataSource = new MatTableDataSource<ScanSummaryResponse>([]);
  protected readonly columns = ['category', 'state', 'status', 'created_at', 'open'];
  protected readonly formatDateTime = formatDateTime;
  protected readonly scopeName = scopeName;

  protected readonly categoryLabels = computed(
    () =>
      Object.fromEntries(this.categories().map((c) => [c.id, c.label])) as Partial<Record<string, string>>,
  );
  protected readonly busy = computed(() => {
    const status = this.pending()?.status;
    return status === 'queued' || status === 'running';
  });
  protected readonly limitValid = computed(() => {
    const limit = this.newLimit();
    return limit !== null && Number.isInteger(limit) && limit >= 1 && limit <= MAX_SCAN_LIMIT;
  });

  constructor() {
    this.dataSource.sortingDataAccessor = (scan, column) =>
      column === 'category'
        ? (this.categoryLabels()[scan.category] ?? scan.category)
        : column === 'state'
          ? scopeName(scan.state)
          : String(scan[column as keyof ScanSummaryResponse] ?? '');
    effect(() => {
      this.dataSource.data = [...(this.list() ?? [])];
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });
    inject(CategoriesService)
      .list()
      .subscribe({
        next: (list) => this.categories.set(list),
        error: (error: unknown) => this.error.set(describeError(error).message),
      });
    this.load();
    inject(DestroyRef).onDestroy(() => this.starting?.unsubscribe());
  }

  protected load(): void {
    this.loading.set(true);
    this.scans.list().subscribe({
      next: (list) => {
        this.list.set(list);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(describeError(error).message);
        this.loading.set(false);
      },
    });
  }

  protected setLimit(value: string): void {
    this.limitError.set(null);
    this.newLimit.set(value.trim() === '' ? null : Number(value));
  }

  protected start(): void {
    const limit = this.newLimit();
    if (!this.limitValid() || limit === null) {
      this.limitError.set(
        `Enter a whole number of top ZIPs from 1 to ${MAX_SCAN_LIMIT.toLocaleString('en-US')}.`,
      );
      return;
    }
    this.startError.set(null);
    this.pending.set(null);
    this.starting?.unsubscribe();
    this.starting = this.scans
      .start({ category: this.newCategory(), state: this.newState(), limit })
      .pipe(switchMap((queued) => this.scans.watch(queued.id)))
      .subscribe({
        next: (scan) => {
          this.pending.set(scan);
          if (scan.status === 'success') void this.router.navigate(['/scans', scan.id]);
          if (scan.status === 'failed') this.load();
        },
        error: (error: unknown) => {
          const problem = describeError(error, ['limit']);
          const onLimit = problem.fieldErrors['limit'];
          if (onLimit) this.limitError.set(onLimit.join(' '));
          else this.startError.set(problem.message);
        },
      });
  }
}
