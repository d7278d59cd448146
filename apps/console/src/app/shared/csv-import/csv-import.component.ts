import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  IMPORT_COLUMNS,
  type GeographyResponse,
  type ImportKind,
  type IngestionRunWithDetails,
  type RowContext,
} from '@lbi/contracts';
import { Subscription, filter, last, switchMap, tap } from 'rxjs';

import { describeError } from '../../core/api-error';
import { ErrorBannerComponent } from '../error-banner.component';
import { formatBytes, formatInteger } from '../format';
import { RunDetailsComponent } from '../run-details.component';
import { RunsService } from '../runs.service';
import { ImportsService } from './imports.service';
import { PrecheckResult, precheckFile } from './csv-precheck';

type Phase = 'idle' | 'checking' | 'refused' | 'ready' | 'uploading' | 'importing' | 'done' | 'failed';

export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, string>> = {
  channels: 'Channels (HOAs, schools, chambers…)',
  events: 'Events (CSV or iCalendar .ics)',
  property: 'Property data (aggregated per ZIP)',
};

/**
 * The import flow of ingestion and channels: pick geography and type, drop or choose a file; it is
 * checked in the browser first (a PII column or a bad value refuses it with nothing sent), then
 * uploaded with a progress bar, imported, and its run followed live.
 */
@Component({
  selector: 'lbi-csv-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorBannerComponent,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    RunDetailsComponent,
  ],
  templateUrl: './csv-import.component.html',
  styleUrl: './csv-import.component.scss',
})
export class CsvImportComponent {
  private readonly imports = inject(ImportsService);
  private readonly runs = inject(RunsService);
  private subscription: Subscription | undefined;

  readonly geographies = input.required<readonly GeographyResponse[]>();
  /** Fixes the import type (the channels page imports channels only). */
  readonly fixedKind = input<ImportKind>();
  readonly initialGeographyId = input<string>();
  /** A run finished (successfully or not): lists can refresh. */
  readonly finished = output<IngestionRunWithDetails>();

  protected readonly kinds = Object.keys(IMPORT_KIND_LABELS) as ImportKind[];
  protected readonly kindLabels = IMPORT_KIND_LABELS;
  protected readonly geographyId = signal<string>('');
  protected readonly kind = signal<ImportKind>('channels');
  protected readonly file = signal<File | null>(null);
  protected readonly phase = signal<Phase>('idle');
  protected readonly checkProgress = signal(0);
  protected readonly uploadProgress = signal(0);
  protected readonly precheck = signal<PrecheckResult | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly run = signal<IngestionRunWithDetails | null>(null);
  protected readonly dragging = signal(false);

  protected readonly columns = computed(() => IMPORT_COLUMNS[this.kind()]);
  protected readonly fileSummary = computed(() => {
    const file = this.file();
    return file ? `${file.name} · ${formatBytes(file.size)}` : '';
  });
  protected readonly readyText = computed(() => {
    const result = this.precheck();
    if (!result?.ok) return '';
    return result.rows === null
      ? 'An iCalendar file: its events are checked on the server during the import.'
      : `${formatInteger(result.rows)} rows checked in your browser: the columns fit the ${this.kind()} schema and no value holds personal data.`;
  });
  protected readonly busy = computed(() => ['checking', 'uploading', 'importing'].includes(this.phase()));
  protected readonly accept = computed(() =>
    this.kind() === 'events' ? '.csv,.ics,text/csv,text/calendar' : '.csv,text/csv',
  );

  constructor() {
    effect(() => {
      const fixed = this.fixedKind();
      if (fixed) this.kind.set(fixed);
    });
    effect(() => {
      const list = this.geographies();
      const wanted = this.initialGeographyId();
      if (this.geographyId() === '' || !list.some((g) => g.id === this.geographyId())) {
        this.geographyId.set(list.find((g) => g.id === wanted)?.id ?? list[0]?.id ?? '');
      }
    });
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected setKind(kind: ImportKind): void {
    this.kind.set(kind);
    this.reset();
  }

  protected setGeography(id: string): void {
    this.geographyId.set(id);
    this.reset();
  }

  protected onFileInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again (after fixing it) fires a change
    if (file) void this.check(file);
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (!this.busy()) this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file && !this.busy()) void this.check(file);
  }

  /** Upload with progress, start the import, follow the run. */
  protected uploadAndImport(): void {
    const file = this.file();
    const geographyId = this.geographyId();
    if (!file || !geographyId || !this.precheck()?.ok) return;
    this.phase.set('uploading');
    this.uploadProgress.set(0);
    this.problem.set(null);
    this.subscription?.unsubscribe();
    this.subscription = this.imports
      .upload(file)
      .pipe(
        tap((event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            this.uploadProgress.set(Math.round((100 * event.loaded) / event.total));
          }
        }),
        filter((event) => event.type === HttpEventType.Response),
        last(),
        switchMap((event) => {
          const upload = event.type === HttpEventType.Response ? event.body : null;
          if (!upload) throw new Error('The upload answered without a file reference.');
          this.uploadProgress.set(100);
          this.phase.set('importing');
          return this.imports.start(this.kind(), geographyId, upload.file_ref);
        }),
        switchMap((accepted) => this.runs.watch(accepted.ingestion_run_id)),
      )
      .subscribe({
        next: (run) => {
          this.run.set(run);
          if (run.status === 'success' || run.status === 'failed') {
            this.phase.set(run.status === 'success' ? 'done' : 'failed');
            this.finished.emit(run);
          }
        },
        error: (error: unknown) => {
          this.phase.set('failed');
          this.problem.set(describeError(error).message);
        },
      });
  }

  protected reset(): void {
    this.subscription?.unsubscribe();
    this.file.set(null);
    this.precheck.set(null);
    this.run.set(null);
    this.problem.set(null);
    this.phase.set('idle');
  }

  private async check(file: File): Promise<void> {
    this.reset();
    this.file.set(file);
    this.phase.set('checking');
    this.checkProgress.set(0);
    const result = await precheckFile(file, this.kind(), this.context(), (fraction) =>
      this.checkProgress.set(Math.round(fraction * 100)),
    );
    if (this.file() !== file) return; // another file was chosen meanwhile
    this.precheck.set(result);
    this.phase.set(result.ok ? 'ready' : 'refused');
  }

  /** The geography's ZIPs, and their post-office names and states (for channels without city/state). */
  private context(): RowContext {
    const geography = this.geographies().find((g) => g.id === this.geographyId());
    const places = new Map<string, { city: string; state: string }>();
    for (const entry of geography?.zcta_resolution ?? []) {
      if (entry.po_name && entry.state) places.set(entry.zip, { city: entry.po_name, state: entry.state });
    }
    return { zips: new Set(geography?.zip_codes ?? []), places };
  }
}
