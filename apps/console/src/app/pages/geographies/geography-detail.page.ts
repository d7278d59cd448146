import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type {
  GeographyResponse,
  IngestionRunWithDetails,
  ReportSummaryResponse,
  SourceFreshness,
} from '@lbi/contracts';
import { Subscription, switchMap } from 'rxjs';

import { describeError } from '../../core/api-error';
import { SOURCE_LABELS, label } from '../../core/labels';
import { pageTitle } from '../../core/product';
import { SessionService } from '../../core/session.service';
import { CategoriesService } from '../../shared/categories.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatDateTime } from '../../shared/format';
import { FreshnessChipComponent } from '../../shared/freshness-chip.component';
import { RunDetailsComponent } from '../../shared/run-details.component';
import { RunStatusComponent } from '../../shared/run-status.component';
import { RunsTableComponent } from '../../shared/runs-table.component';
import { RunsService } from '../../shared/runs.service';
import { GeographiesService } from './geographies.service';
import { GeographyScoresComponent } from './geography-scores.component';

/** One geography: freshness per source, Census refresh followed live, scores with the map, runs, reports. */
@Component({
  selector: 'lbi-geography-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EmptyStateComponent,
    ErrorBannerComponent,
    FreshnessChipComponent,
    GeographyScoresComponent,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    RunDetailsComponent,
    RunStatusComponent,
    RunsTableComponent,
  ],
  templateUrl: './geography-detail.page.html',
  styleUrl: './geography-detail.page.scss',
})
export class GeographyDetailPage {
  private readonly geographies = inject(GeographiesService);
  private readonly runsService = inject(RunsService);
  private readonly title = inject(Title);
  private refresh: Subscription | undefined;

  readonly id = input.required<string>();

  protected readonly canWrite = inject(SessionService).canWrite;
  protected readonly geography = signal<GeographyResponse | null>(null);
  protected readonly freshness = signal<readonly SourceFreshness[] | null>(null);
  protected readonly runs = signal<readonly IngestionRunWithDetails[] | null>(null);
  protected readonly reports = signal<readonly ReportSummaryResponse[] | null>(null);
  protected readonly categoryLabels = signal<Readonly<Partial<Record<string, string>>>>({});
  protected readonly censusRun = signal<IngestionRunWithDetails | null>(null);
  protected readonly refreshing = signal(false);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly refreshError = signal<string | null>(null);

  protected readonly zctaCount = computed(
    () =>
      new Set(
        this.geography()
          ?.zcta_resolution.map((r) => r.zcta)
          .filter(Boolean),
      ).size,
  );
  protected readonly mappedCount = computed(
    () => this.geography()?.zcta_resolution.filter((r) => r.join_type === 'spatial_join').length ?? 0,
  );
  protected readonly noZctaCount = computed(
    () => this.geography()?.zcta_resolution.filter((r) => r.zcta === null).length ?? 0,
  );
  /** How the ZIPs were chosen, when the API kept it (a ring, counties, a scan's top ZIPs). */
  protected readonly tradeArea = computed(() => {
    const area = this.geography()?.trade_area;
    if (!area) return null;
    switch (area.kind) {
      case 'ring':
        return {
          text: `Ring of ${area.radius_miles} mile${area.radius_miles === 1 ? '' : 's'} around ZIP ${area.zip_code}`,
          scan: null,
        };
      case 'counties':
        return {
          text: `Count${area.counties.length === 1 ? 'y' : 'ies'} ${area.counties.join(', ')} (FIPS)`,
          scan: null,
        };
      case 'scan':
        return { text: `Top ${area.top} ZIPs of a scan`, scan: area.scan_id };
    }
  });
  protected readonly sourceLabel = (type: string) => label(SOURCE_LABELS, type);
  protected readonly formatDateTime = formatDateTime;

  constructor() {
    inject(CategoriesService)
      .list()
      .subscribe({
        next: (list) => this.categoryLabels.set(Object.fromEntries(list.map((c) => [c.id, c.label]))),
        error: () => undefined, // reports then show their category id
      });
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    inject(DestroyRef).onDestroy(() => this.refresh?.unsubscribe());
  }

  protected load(id = this.id()): void {
    this.loading.set(true);
    this.error.set(null);
    this.geographies.get(id).subscribe({
      next: (geography) => {
        this.geography.set(geography);
        this.title.setTitle(pageTitle(geography.name));
        this.loading.set(false);
      },
      error: (error: unknown) => {
        const problem = describeError(error);
        this.error.set(
          problem.status === 404
            ? 'This geography does not exist in your tenant (it may have been deleted).'
            : problem.message,
        );
        this.loading.set(false);
      },
    });
    this.loadSideData(id);
  }

  private loadSideData(id: string): void {
    this.geographies.freshness(id).subscribe({
      next: (freshness) => this.freshness.set(freshness),
      error: () => this.freshness.set([]),
    });
    this.runsService.list({ geography_id: id, limit: 50 }).subscribe({
      next: (runs) => this.runs.set(runs),
      error: () => this.runs.set([]),
    });
    this.geographies.reports(id).subscribe({
      next: (reports) => this.reports.set(reports),
      error: () => this.reports.set([]),
    });
  }

  /** Queues a Census refresh and follows its run until it ends. */
  protected refreshCensus(): void {
    const id = this.id();
    this.refreshing.set(true);
    this.refreshError.set(null);
    this.censusRun.set(null);
    this.refresh?.unsubscribe();
    this.refresh = this.geographies
      .refreshCensus(id)
      .pipe(switchMap((started) => this.runsService.watch(started.ingestion_run_id)))
      .subscribe({
        next: (run) => {
          this.censusRun.set(run);
          if (run.status === 'success' || run.status === 'failed') {
            this.refreshing.set(false);
            this.loadSideData(id);
          }
        },
        error: (error: unknown) => {
          this.refreshing.set(false);
          this.refreshError.set(describeError(error).message);
        },
      });
  }

  protected reportLabel(report: ReportSummaryResponse): string {
    return this.categoryLabels()[report.category] ?? report.category;
  }
}
