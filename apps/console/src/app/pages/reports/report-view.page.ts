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
import type { GeographyResponse, ReportResponse } from '@lbi/contracts';
import { Subscription } from 'rxjs';

import { describeError } from '../../core/api-error';
import type { ExportFormat } from '../../core/api-files';
import { SOURCE_LABELS, label } from '../../core/labels';
import { pageTitle } from '../../core/product';
import { saveFile } from '../../shared/download';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatDate, formatDateTime } from '../../shared/format';
import { RunStatusComponent } from '../../shared/run-status.component';
import { ZipPointsService } from '../../shared/zip-points.service';
import { Json, isRecord, records, strings, text } from './report-data';
import { ReportsService } from './reports.service';
import { BuyerProfileComponent } from './report-buyer-profile.component';
import { ChannelsSectionComponent } from './report-channels-section.component';
import { CompetitionComponent } from './report-competition.component';
import { TimingTimelineComponent } from './report-timing-timeline.component';
import { TopZipsComponent } from './report-top-zips.component';

/**
 * One report, from its stored payload: top ZIPs (table, chart, map) with reasons, the buyer profile,
 * channels with why, the timing window, data freshness, caveats and sources; exports JSON/CSV/PDF.
 * Each section reads the payload defensively and is its own component, so new fields slot in.
 */
@Component({
  selector: 'lbi-report-view-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BuyerProfileComponent,
    ChannelsSectionComponent,
    CompetitionComponent,
    ErrorBannerComponent,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    RunStatusComponent,
    TimingTimelineComponent,
    TopZipsComponent,
  ],
  templateUrl: './report-view.page.html',
  styleUrl: './report-view.page.scss',
})
export class ReportViewPage {
  private readonly reports = inject(ReportsService);
  private readonly points = inject(ZipPointsService);
  private readonly title = inject(Title);
  private watching: Subscription | undefined;

  readonly id = input.required<string>();

  protected readonly report = signal<ReportResponse | null>(null);
  protected readonly geography = signal<GeographyResponse | null>(null);
  protected readonly households = signal<ReadonlyMap<string, number>>(new Map());
  protected readonly error = signal<string | null>(null);
  protected readonly exporting = signal<ExportFormat | null>(null);
  protected readonly exportError = signal<string | null>(null);
  protected readonly exported = signal<string | null>(null);

  protected readonly payload = computed((): Json => {
    const payload = this.report()?.payload;
    return isRecord(payload) ? payload : {};
  });
  protected readonly categoryLabel = computed(() => {
    const category = this.payload()['category'];
    return isRecord(category)
      ? text(category['label'], text(category['id']))
      : (this.report()?.category ?? '');
  });
  protected readonly geographyName = computed(() => {
    const geography = this.payload()['geography'];
    return isRecord(geography) ? text(geography['name']) : (this.geography()?.name ?? '');
  });
  protected readonly asOf = computed(() => text(this.payload()['as_of']));
  protected readonly freshness = computed(() =>
    records(this.payload()['data_freshness']).map((f) => ({
      source: label(SOURCE_LABELS, text(f['source_type'])),
      last: formatDateTime(text(f['last_success_at']) || null),
      stale: f['is_stale'] === true,
      detail: text(f['detail']),
    })),
  );
  protected readonly caveats = computed(() => strings(this.payload()['caveats']));
  /** Statistics v2: the one ACS vintage, how many ZCTAs were ranked, ZIPs without figures. */
  protected readonly vintage = computed(() => text(this.payload()['vintage']));
  protected readonly rankedZctas = computed(() => {
    const ranked = this.payload()['ranked_zctas'];
    return typeof ranked === 'number' ? ranked : null;
  });
  protected readonly missingZips = computed(() =>
    records(this.payload()['missing_zips']).map((m) => ({
      zip: text(m['zip_code']),
      reason: text(m['reason']),
    })),
  );
  protected readonly sources = computed(() =>
    records(this.payload()['sources']).map((s) => ({
      name: text(s['name']),
      vintage: text(s['vintage']),
      url: text(s['url']),
    })),
  );
  protected readonly running = computed(() => {
    const status = this.report()?.status;
    return status === 'queued' || status === 'running';
  });
  protected readonly formatDate = formatDate;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    inject(DestroyRef).onDestroy(() => this.watching?.unsubscribe());
  }

  protected load(id = this.id()): void {
    this.error.set(null);
    this.watching?.unsubscribe();
    let geographyAsked = false;
    this.watching = this.reports.watch(id).subscribe({
      next: (report) => {
        this.report.set(report);
        if (!geographyAsked) {
          geographyAsked = true;
          this.loadGeography(report.geography_id);
        }
        if (report.status === 'success') this.setTitle();
      },
      error: (error: unknown) => {
        const problem = describeError(error);
        this.error.set(
          problem.status === 404 ? 'This report does not exist in your tenant.' : problem.message,
        );
      },
    });
  }

  private loadGeography(id: string): void {
    this.reports.geography(id).subscribe({
      next: (geography) => this.geography.set(geography),
      error: () => this.geography.set(null), // the map then says it has nothing to draw
    });
    this.points.households(id).subscribe({
      next: (households) => this.households.set(households),
      error: () => undefined,
    });
  }

  private setTitle(): void {
    this.title.setTitle(pageTitle(`${this.categoryLabel()} report · ${this.geographyName()}`));
  }

  protected download(format: ExportFormat): void {
    this.exporting.set(format);
    this.exportError.set(null);
    this.exported.set(null);
    this.reports.export(this.id(), format).subscribe({
      next: ({ blob, filename }) => {
        saveFile(blob, filename);
        this.exporting.set(null);
        this.exported.set(`Downloaded ${filename}.`);
      },
      error: (error: unknown) => {
        this.exporting.set(null);
        this.exportError.set(describeError(error).message);
      },
    });
  }
}
