import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type {
  CategoryResponse,
  GeographyResponse,
  ReportResponse,
  ReportSummaryResponse,
} from '@lbi/contracts';
import { Subscription, switchMap } from 'rxjs';

import { describeError } from '../../core/api-error';
import { SessionService } from '../../core/session.service';
import { CategoriesService } from '../../shared/categories.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatDateTime } from '../../shared/format';
import { RunStatusComponent } from '../../shared/run-status.component';
import { ReportsService } from './reports.service';

const ALL = '';

/** Reports of the tenant, and (for writers) the form that generates one, with its progress. */
@Component({
  selector: 'lbi-reports-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EmptyStateComponent,
    ErrorBannerComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    RunStatusComponent,
  ],
  templateUrl: './reports-list.page.html',
  styles: `
    .generate {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 16px;
      margin-bottom: 8px;
      mat-form-field {
        min-width: 260px;
      }
    }
    .rationale {
      margin: 4px 0 0;
      max-width: 900px;
    }
    .pending {
      margin-top: 12px;
    }
  `,
})
export class ReportsListPage {
  private readonly reports = inject(ReportsService);
  private readonly router = inject(Router);
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);
  private generating: Subscription | undefined;

  /** `?geography=<id>` preselects the geography of the generate form. */
  readonly geography = input<string>();

  protected readonly canWrite = inject(SessionService).canWrite;
  protected readonly all = ALL;
  protected readonly list = signal<readonly ReportSummaryResponse[] | null>(null);
  protected readonly geographies = signal<readonly GeographyResponse[]>([]);
  protected readonly categories = signal<readonly CategoryResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly filterGeography = signal(ALL);
  protected readonly filterCategory = signal(ALL);
  protected readonly newGeography = signal('');
  protected readonly newCategory = signal('roofing');
  protected readonly pending = signal<ReportResponse | null>(null);
  protected readonly generateError = signal<string | null>(null);
  protected readonly dataSource = new MatTableDataSource<ReportSummaryResponse>([]);
  protected readonly columns = ['category', 'geography', 'status', 'created_at', 'open'];
  protected readonly formatDateTime = formatDateTime;

  protected readonly geographyNames = computed(
    () =>
      Object.fromEntries(this.geographies().map((g) => [g.id, g.name])) as Partial<Record<string, string>>,
  );
  protected readonly categoryLabels = computed(
    () =>
      Object.fromEntries(this.categories().map((c) => [c.id, c.label])) as Partial<Record<string, string>>,
  );
  protected readonly chosenCategory = computed(() =>
    this.categories().find((c) => c.id === this.newCategory()),
  );
  protected readonly busy = computed(() => {
    const status = this.pending()?.status;
    return status === 'queued' || status === 'running';
  });

  constructor() {
    this.dataSource.filterPredicate = (report, filter) => {
      const [geography, category] = filter.split('|');
      return (!geography || report.geography_id === geography) && (!category || report.category === category);
    };
    this.dataSource.sortingDataAccessor = (report, column) =>
      column === 'geography'
        ? (this.geographyNames()[report.geography_id] ?? '')
        : column === 'category'
          ? (this.categoryLabels()[report.category] ?? report.category)
          : String(report[column as keyof ReportSummaryResponse] ?? '');
    effect(() => {
      this.dataSource.data = [...(this.list() ?? [])];
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });
    effect(() => (this.dataSource.filter = `${this.filterGeography()}|${this.filterCategory()}`));
    effect(() => {
      const wanted = this.geography();
      const list = this.geographies();
      if (list.length === 0) return;
      this.newGeography.set(list.find((g) => g.id === wanted)?.id ?? list[0].id);
    });
    inject(CategoriesService)
      .list()
      .subscribe({
        next: (list) => this.categories.set(list),
        error: (error: unknown) => this.error.set(describeError(error).message),
      });
    this.reports.geographies().subscribe({
      next: (list) => this.geographies.set(list),
      error: (error: unknown) => this.error.set(describeError(error).message),
    });
    this.load();
    inject(DestroyRef).onDestroy(() => this.generating?.unsubscribe());
  }

  protected load(): void {
    this.loading.set(true);
    this.reports.list().subscribe({
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

  protected generate(): void {
    const geography = this.newGeography();
    const category = this.newCategory();
    if (!geography || !category) return;
    this.generateError.set(null);
    this.pending.set(null);
    this.generating?.unsubscribe();
    this.generating = this.reports
      .generate(geography, category)
      .pipe(switchMap((queued) => this.reports.watch(queued.id)))
      .subscribe({
        next: (report) => {
          this.pending.set(report);
          if (report.status === 'success') void this.router.navigate(['/reports', report.id]);
          if (report.status === 'failed') this.load();
        },
        error: (error: unknown) => this.generateError.set(describeError(error).message),
      });
  }
}
