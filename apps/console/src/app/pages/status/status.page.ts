import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { HealthResponse } from '@lbi/contracts';
import { Subject, switchMap, tap } from 'rxjs';

import { ApiVersionService } from '../../core/api-version.service';
import { HEALTH_URL, HealthCheckRow, HealthResult, StatusService } from './status.service';

const OVERALL_LABELS: Readonly<Record<HealthResponse['status'], string>> = {
  ok: 'Operational',
  error: 'Degraded',
  shutting_down: 'Shutting down',
};

/** "System status": the API's health report, with one row per dependency check. */
@Component({
  selector: 'lbi-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
  ],
  templateUrl: './status.page.html',
  styleUrl: './status.page.scss',
})
export class StatusPage {
  private readonly statusService = inject(StatusService);
  private readonly apiVersion = inject(ApiVersionService);
  private readonly refresh$ = new Subject<void>();
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  protected readonly healthUrl = HEALTH_URL;
  protected readonly columns = ['name', 'status', 'details'] as const;
  protected readonly loading = signal(true);
  protected readonly result = signal<HealthResult | null>(null);
  protected readonly answer = computed(() => {
    const result = this.result();
    return result?.kind === 'answer' ? result : null;
  });
  protected readonly failure = computed(() => {
    const result = this.result();
    return result?.kind === 'failure' ? result : null;
  });
  protected readonly overallLabel = computed(() => OVERALL_LABELS[this.answer()?.overall ?? 'ok']);
  protected readonly downCount = computed(
    () => this.answer()?.checks.filter((check) => check.status === 'down').length ?? 0,
  );
  protected readonly dataSource = new MatTableDataSource<HealthCheckRow>([]);

  constructor() {
    this.refresh$
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(() => this.statusService.check()),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.result.set(result);
        this.loading.set(false);
      });

    effect(() => {
      this.dataSource.data = [...(this.answer()?.checks ?? [])];
    });
    effect(() => {
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });

    this.refresh();
  }

  protected refresh(): void {
    this.apiVersion.load();
    this.refresh$.next();
  }
}
