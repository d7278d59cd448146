import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  RUN_STATUSES,
  SOURCE_TYPES,
  type GeographyResponse,
  type IngestionRunWithDetails,
} from '@lbi/contracts';
import { Subscription, timer } from 'rxjs';

import { POLL_INTERVAL_MS } from '../../core/api';
import { describeError } from '../../core/api-error';
import { SOURCE_LABELS, STATUS_LABELS, label } from '../../core/labels';
import { SessionService } from '../../core/session.service';
import { CsvImportComponent } from '../../shared/csv-import/csv-import.component';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { RunsTableComponent } from '../../shared/runs-table.component';
import { isFinished } from '../../core/api-files';
import { RunsService } from '../../shared/runs.service';
import { IngestionService } from './ingestion.service';

const ALL = '';

/** Imports: the checked upload flow, and every run with filters by geography, source and status. */
@Component({
  selector: 'lbi-ingestion-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CsvImportComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    RunsTableComponent,
  ],
  templateUrl: './ingestion.page.html',
})
export class IngestionPage {
  private readonly ingestion = inject(IngestionService);
  private readonly runsService = inject(RunsService);
  private refreshTimer: Subscription | undefined;

  protected readonly canWrite = inject(SessionService).canWrite;
  protected readonly all = ALL;
  protected readonly sources = SOURCE_TYPES;
  protected readonly statuses = RUN_STATUSES;
  protected readonly sourceLabel = (type: string) => label(SOURCE_LABELS, type);
  protected readonly statusLabel = (status: string) => label(STATUS_LABELS, status);
  protected readonly geographies = signal<readonly GeographyResponse[] | null>(null);
  protected readonly runs = signal<readonly IngestionRunWithDetails[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly filterGeography = signal(ALL);
  protected readonly filterSource = signal(ALL);
  protected readonly filterStatus = signal(ALL);
  protected readonly geographyNames = computed(
    () =>
      Object.fromEntries((this.geographies() ?? []).map((g) => [g.id, g.name])) as Partial<
        Record<string, string>
      >,
  );

  constructor() {
    this.ingestion.geographies().subscribe({
      next: (list) => this.geographies.set(list),
      error: (error: unknown) => this.error.set(describeError(error).message),
    });
    effect(() => {
      this.filterGeography();
      this.filterSource();
      this.filterStatus();
      untracked(() => this.loadRuns());
    });
    inject(DestroyRef).onDestroy(() => this.refreshTimer?.unsubscribe());
  }

  protected loadRuns(): void {
    this.loading.set(true);
    this.refreshTimer?.unsubscribe();
    this.runsService
      .list({
        geography_id: this.filterGeography() || undefined,
        source_type: this.filterSource() || undefined,
        status: this.filterStatus() || undefined,
      })
      .subscribe({
        next: (runs) => {
          this.runs.set(runs);
          this.loading.set(false);
          this.error.set(null);
          // Runs still working (from here or elsewhere) are refreshed until they end.
          if (runs.some((run) => !isFinished(run.status))) {
            this.refreshTimer = timer(POLL_INTERVAL_MS * 2).subscribe(() => this.loadRuns());
          }
        },
        error: (error: unknown) => {
          this.error.set(describeError(error).message);
          this.loading.set(false);
        },
      });
  }
}
