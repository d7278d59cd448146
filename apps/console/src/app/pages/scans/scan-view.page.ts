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
import type { ScanResponse } from '@lbi/contracts';
import { Subscription } from 'rxjs';

import { describeError } from '../../core/api-error';
import type { ExportFormat } from '../../core/api-files';
import { pageTitle } from '../../core/product';
import { SessionService } from '../../core/session.service';
import { saveFile } from '../../shared/download';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatDate, formatInteger } from '../../shared/format';
import type { MapZip } from '../../shared/map/zcta-map.component';
import { RunStatusComponent } from '../../shared/run-status.component';
import { CompetitionComponent } from '../reports/report-competition.component';
import { Json, humanize, isRecord, numberOr, records, strings, text } from '../reports/report-data';
import { TopZipsComponent } from '../reports/report-top-zips.component';
import { ScanGeographyComponent } from './scan-geography.component';
import { ScansService } from './scans.service';
import { scopeName } from './scope';

/**
 * One scan: what it covered (ZCTAs ranked, vintages, missing inputs, caveats), the top ZIPs with
 * their reasons, every ranked ZCTA on the map coloured by score, competition when counted, exports,
 * and a geography made of its top ZIPs. Followed live while it is queued or running.
 */
@Component({
  selector: 'lbi-scan-view-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CompetitionComponent,
    ErrorBannerComponent,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    RunStatusComponent,
    ScanGeographyComponent,
    TopZipsComponent,
  ],
  templateUrl: './scan-view.page.html',
  styleUrl: '../reports/report-view.page.scss',
})
export class ScanViewPage {
  private readonly scans = inject(ScansService);
  private readonly title = inject(Title);
  private watching: Subscription | undefined;

  readonly id = input.required<string>();

  protected readonly canWrite = inject(SessionService).canWrite;
  protected readonly scan = signal<ScanResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly exporting = signal<ExportFormat | null>(null);
  protected readonly exportError = signal<string | null>(null);
  protected readonly exported = signal<string | null>(null);

  /** Read defensively, like a report: stored payloads may predate fields. */
  protected readonly payload = computed((): Json => {
    const payload = this.scan()?.payload;
    return isRecord(payload) ? (payload as unknown as Json) : {};
  });
  protected readonly summary = computed((): Json => {
    const summary = this.payload()['scan'];
    return isRecord(summary) ? summary : {};
  });
  protected readonly categoryLabel = computed(() => {
    const category = this.payload()['category'];
    return isRecord(category) ? text(category['label'], text(category['id'])) : (this.scan()?.category ?? '');
  });
  protected readonly scope = computed(
    () => text(this.summary()['scope_name']) || scopeName(this.scan()?.state ?? ''),
  );
  protected readonly asOf = computed(() => text(this.payload()['as_of']));
  protected readonly topZips = computed(() => records(this.payload()['top_zips']));
  protected readonly coverage = computed(() => {
    const s = this.summary();
    const vintage = text(s['acs_vintage']);
    return {
      ranked: numberOr(s['zctas_ranked']),
      total: numberOr(s['zctas_total']),
      limit: numberOr(s['limit']),
      acs: vintage ? `ACS ${Number(vintage) - 4}–${vintage} 5-year estimates` : 'no ACS vintage',
      business: text(s['business_year']),
      requests: numberOr(s['census_requests']),
      missing: strings(s['missing_inputs']).map(
        (feature) => this.featureLabels().get(feature) ?? humanize(feature),
      ),
    };
  });
  /** Feature labels as the top ZIPs' inputs word them (the summary names features by id). */
  private readonly featureLabels = computed(
    () =>
      new Map(
        this.topZips()
          .flatMap((z) => records(z['components']))
          .map((c) => [text(c['feature']), text(c['label'])] as const)
          .filter(([feature, label]) => feature !== '' && label !== ''),
      ),
  );
  /** Every ranked ZCTA: [zip_code, lat, lon, score, rank], best first. */
  protected readonly mapPoints = computed((): MapZip[] => {
    const map = this.payload()['map'];
    const points = isRecord(map) && Array.isArray(map['points']) ? (map['points'] as unknown[]) : [];
    const reasons = new Map(
      this.topZips().map((z) => {
        const why = strings(z['why']);
        return [text(z['zip_code']), why.find((w) => !/^Ranks \d/.test(w)) ?? why[0] ?? null];
      }),
    );
    const total = points.length;
    return points.flatMap((point) => {
      if (!Array.isArray(point) || point.length < 5) return [];
      const [zip, lat, lon, score, rank] = point as [unknown, unknown, unknown, unknown, unknown];
      if (typeof zip !== 'string' || typeof lat !== 'number' || typeof lon !== 'number') return [];
      const ranked =
        typeof rank === 'number' ? `Rank ${formatInteger(rank)} of ${formatInteger(total)}` : null;
      return [
        {
          zip,
          zcta: zip,
          lat,
          lon,
          place: null,
          score: typeof score === 'number' ? score : null,
          households: null,
          reason: reasons.get(zip) ?? ranked,
        },
      ];
    });
  });
  protected readonly caveats = computed(() => strings(this.payload()['caveats']));
  protected readonly sources = computed(() =>
    records(this.payload()['sources']).map((s) => ({
      name: text(s['name']),
      vintage: text(s['vintage']),
      url: text(s['url']),
    })),
  );
  protected readonly running = computed(() => {
    const status = this.scan()?.status;
    return status === 'queued' || status === 'running';
  });
  protected readonly formatDate = formatDate;
  protected readonly formatInteger = formatInteger;

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
    this.watching = this.scans.watch(id).subscribe({
      next: (scan) => {
        this.scan.set(scan);
        if (scan.status === 'success') {
          this.title.setTitle(pageTitle(`${this.categoryLabel()} scan · ${this.scope()}`));
        }
      },
      error: (error: unknown) => {
        const problem = describeError(error);
        this.error.set(problem.status === 404 ? 'This scan does not exist in your tenant.' : problem.message);
      },
    });
  }

  protected download(format: ExportFormat): void {
    this.exporting.set(format);
    this.exportError.set(null);
    this.exported.set(null);
    this.scans.export(this.id(), format).subscribe({
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
