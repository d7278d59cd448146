import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
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
import type { GeographyResponse, ZipScoreResponse } from '@lbi/contracts';
import { Subscription, catchError, filter, of, switchMap, take, takeWhile, timer } from 'rxjs';

import { POLL_INTERVAL_MS } from '../../core/api';
import { describeError } from '../../core/api-error';
import { BarChartComponent, Bar } from '../../shared/bar-chart.component';
import { CategoriesService } from '../../shared/categories.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatInteger } from '../../shared/format';
import { MapZip, ZctaMapComponent } from '../../shared/map/zcta-map.component';
import { topReason } from '../../shared/reasons';
import { ZipPointsService } from '../../shared/zip-points.service';
import { GeographiesService } from './geographies.service';

interface ScoreRow {
  readonly zip: string;
  readonly zcta: string | null;
  readonly place: string;
  readonly rank: number | null;
  readonly score: number | null;
  readonly households: number | null;
  readonly reason: string | null;
}

/** How long a recomputation is followed before the page says it is taking long. */
const RECOMPUTE_WAIT_MS = 90_000;

/** Scores of one category for every ZIP of a geography: the map, a bar chart and a sortable table. */
@Component({
  selector: 'lbi-geography-scores',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BarChartComponent,
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
    ZctaMapComponent,
  ],
  templateUrl: './geography-scores.component.html',
  styleUrl: './geography-scores.component.scss',
})
export class GeographyScoresComponent {
  private readonly geographies = inject(GeographiesService);
  private readonly points = inject(ZipPointsService);
  private readonly host = inject(ElementRef<HTMLElement>);
  private recompute: Subscription | undefined;

  readonly geography = input.required<GeographyResponse>();
  readonly canWrite = input(false);

  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);
  protected readonly categories = signal<{ id: string; label: string }[]>([]);
  protected readonly category = signal('roofing');
  protected readonly scores = signal<readonly ZipScoreResponse[] | null>(null);
  protected readonly households = signal<ReadonlyMap<string, number>>(new Map());
  protected readonly loading = signal(false);
  protected readonly recomputing = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly selectedZip = signal<string | null>(null);
  protected readonly dataSource = new MatTableDataSource<ScoreRow>([]);
  protected readonly columns = ['rank', 'zip', 'place', 'score', 'households', 'reason'];
  protected readonly formatInteger = formatInteger;

  protected readonly categoryLabel = computed(
    () => this.categories().find((c) => c.id === this.category())?.label ?? this.category(),
  );
  protected readonly rows = computed((): ScoreRow[] => {
    const byZip = new Map((this.scores() ?? []).map((s) => [s.zip_code, s]));
    return this.geography().zcta_resolution.map((entry) => {
      const score = byZip.get(entry.zip);
      return {
        zip: entry.zip,
        zcta: entry.zcta,
        place: [entry.po_name, entry.state].filter(Boolean).join(', '),
        rank: score?.rank ?? null,
        score: score?.score ?? null,
        households: this.households().get(entry.zip) ?? null,
        reason: topReason(score?.components),
      };
    });
  });
  protected readonly mapZips = computed((): MapZip[] => {
    const byZip = new Map(this.rows().map((r) => [r.zip, r]));
    return this.geography().zcta_resolution.map((entry) => {
      const row = byZip.get(entry.zip);
      return {
        zip: entry.zip,
        zcta: entry.zcta,
        lat: entry.lat,
        lon: entry.lon,
        place: row?.place ?? null,
        score: row?.score ?? null,
        households: row?.households ?? null,
        reason: row?.reason ?? null,
      };
    });
  });
  protected readonly bars = computed((): Bar[] =>
    this.rows()
      .filter((r) => r.score !== null)
      .map((r) => ({
        key: r.zip,
        label: r.place ? `${r.zip} ${r.place.split(',')[0]}` : r.zip,
        value: r.score as number,
      })),
  );

  constructor() {
    inject(CategoriesService)
      .list()
      .subscribe({
        next: (list) => this.categories.set(list.map((c) => ({ id: c.id, label: c.label }))),
        error: (error: unknown) => this.error.set(describeError(error).message),
      });
    effect(() => {
      const id = this.geography().id;
      untracked(() =>
        this.points.households(id).subscribe({
          next: (households) => this.households.set(households),
          error: () => this.households.set(new Map()), // marks keep one size; the table says "—"
        }),
      );
    });
    effect(() => {
      const id = this.geography().id;
      const category = this.category();
      untracked(() => this.load(id, category));
    });
    effect(() => {
      this.dataSource.data = this.rows();
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });
    this.dataSource.sortingDataAccessor = (row, column) => {
      const value = row[column as keyof ScoreRow];
      // Unscored ZIPs sort last whichever way.
      return value === null ? -1 : (value as string | number);
    };
    inject(DestroyRef).onDestroy(() => this.recompute?.unsubscribe());
  }

  protected load(id = this.geography().id, category = this.category()): void {
    this.loading.set(true);
    this.error.set(null);
    this.geographies.scores(id, category).subscribe({
      next: (scores) => {
        this.scores.set(scores);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(describeError(error).message);
        this.loading.set(false);
      },
    });
  }

  /** Queues the scoring of this category, then follows the scores until they change. */
  protected recomputeScores(): void {
    const id = this.geography().id;
    const category = this.category();
    const before = (this.scores() ?? [])[0]?.computed_at ?? null;
    this.recomputing.set(true);
    this.error.set(null);
    this.recompute?.unsubscribe();
    this.recompute = this.geographies
      .recomputeScores(id, category)
      .pipe(
        switchMap(() => timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS)),
        takeWhile((tick) => tick * POLL_INTERVAL_MS < RECOMPUTE_WAIT_MS),
        switchMap(() => this.geographies.scores(id, category).pipe(catchError(() => of(null)))),
        filter((scores): scores is ZipScoreResponse[] => scores !== null && scores.length > 0),
        filter((scores) => scores[0].computed_at !== before),
        take(1),
      )
      .subscribe({
        next: (scores) => {
          this.scores.set(scores);
          this.recomputing.set(false);
        },
        error: (error: unknown) => {
          this.error.set(describeError(error).message);
          this.recomputing.set(false);
        },
        complete: () => {
          if (this.recomputing()) {
            this.recomputing.set(false);
            this.error.set(
              'The scores are taking longer than usual; they will appear here once computed. Reload in a minute.',
            );
          }
        },
      });
  }

  /** A mark or a bar was picked: open that ZIP's row in the table. */
  protected openRow(zip: string): void {
    this.selectedZip.set(zip);
    const sorted = this.dataSource.sortData(
      [...this.dataSource.filteredData],
      this.dataSource.sort as MatSort,
    );
    const index = sorted.findIndex((row) => row.zip === zip);
    const paginator = this.paginator();
    if (paginator && index >= 0) {
      paginator.pageIndex = Math.floor(index / paginator.pageSize);
      this.dataSource.paginator = paginator;
      this.dataSource._updateChangeSubscription();
    }
    setTimeout(() => {
      const row = (this.host.nativeElement as HTMLElement).querySelector<HTMLElement>(
        `tr[data-zip="${zip}"]`,
      );
      row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      row?.focus({ preventScroll: true });
    });
  }
}
