import { COMMA, ENTER, SPACE } from '@angular/cdk/keycodes';
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
import { MatButtonModule } from '@angular/material/button';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { MAX_GEOGRAPHY_ZIPS, type ZctaResolutionResponse } from '@lbi/contracts';
import { Subscription } from 'rxjs';

import { describeError } from '../../core/api-error';
import { JOIN_TYPE_LABELS } from '../../core/labels';
import { ZipCheckService } from './zip-check.service';
import { ZipEntry, resolutionDetail, resolutionText, splitZipList } from './zip-entry';

/**
 * The ZIP chip editor: type or paste a list (commas, spaces, new lines); each entry is checked by the
 * API as it is added, with the API's reason when refused and its ZCTA resolution when accepted;
 * duplicates are merged (and said so). Emits the valid ZIPs and whether the list can be saved.
 */
@Component({
  selector: 'lbi-zip-chip-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
  ],
  templateUrl: './zip-chip-editor.component.html',
  styleUrl: './zip-chip-editor.component.scss',
})
export class ZipChipEditorComponent {
  private readonly checker = inject(ZipCheckService);
  private readonly pending = new Set<Subscription>();

  /** ZIPs already saved, with their resolution (an edit starts from them; no check needed). */
  readonly initial = input<readonly ZctaResolutionResponse[]>([]);
  readonly disabled = input(false);
  /** The valid ZIPs, in order, each once. */
  readonly zipsChange = output<string[]>();
  /** False while a check runs or while an entry is refused. */
  readonly validChange = output<boolean>();

  protected readonly separators = [ENTER, COMMA, SPACE] as const;
  protected readonly entries = signal<readonly ZipEntry[]>([]);
  protected readonly merged = signal<string | null>(null);
  protected readonly checkError = signal<string | null>(null);
  protected readonly checking = computed(() => this.entries().some((e) => e.state === 'checking'));
  protected readonly invalid = computed(() => this.entries().filter((e) => e.state === 'invalid'));
  protected readonly valid = computed(() => this.entries().filter((e) => e.state === 'valid'));
  protected readonly summary = computed(() => {
    const valid = this.valid();
    const mapped = valid.filter((e) => e.resolution?.join_type === 'spatial_join').length;
    const none = valid.filter((e) => e.resolution?.join_type === 'no_zcta').length;
    const parts = [`${valid.length} ZIP${valid.length === 1 ? '' : 's'}`];
    if (mapped > 0) parts.push(`${mapped} mapped to another ZCTA`);
    if (none > 0) parts.push(`${none} without a ZCTA`);
    if (this.invalid().length > 0) parts.push(`${this.invalid().length} refused`);
    return parts.join(' · ');
  });
  protected readonly joinLabels = JOIN_TYPE_LABELS;
  protected readonly resolutionText = resolutionText;
  protected readonly resolutionDetail = resolutionDetail;
  private initialised = false;

  constructor() {
    effect(() => {
      const initial = this.initial();
      if (this.initialised || initial.length === 0) return;
      this.initialised = true;
      this.entries.set(
        initial.map((resolution) => ({
          text: resolution.zip,
          zip: resolution.zip,
          state: 'valid' as const,
          reason: null,
          resolution,
        })),
      );
      this.emit();
    });
    inject(DestroyRef).onDestroy(() => this.pending.forEach((s) => s.unsubscribe()));
  }

  protected addFromInput(event: MatChipInputEvent): void {
    this.add(splitZipList(event.value));
    event.chipInput.clear();
  }

  protected onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text') ?? '';
    const parts = splitZipList(text);
    if (parts.length === 0) return;
    event.preventDefault();
    this.add(parts);
  }

  protected remove(entry: ZipEntry): void {
    this.entries.update((list) => list.filter((e) => e !== entry));
    this.emit();
  }

  protected removeInvalid(): void {
    this.entries.update((list) => list.filter((e) => e.state !== 'invalid'));
    this.emit();
  }

  protected removeAll(): void {
    this.entries.set([]);
    this.merged.set(null);
    this.emit();
  }

  protected chipLabel(entry: ZipEntry): string {
    if (entry.state === 'checking') return `${entry.text}: checking`;
    if (entry.state === 'invalid') return `${entry.text}: refused. ${entry.reason ?? ''}`;
    return `${entry.zip}: ${resolutionText(entry.resolution)}`;
  }

  private add(parts: string[]): void {
    this.merged.set(null);
    this.checkError.set(null);
    const known = new Set(this.entries().map((e) => e.zip ?? e.text));
    const fresh: string[] = [];
    const repeated: string[] = [];
    for (const part of parts) {
      const key = /^\d{5}(-?\d{4})?$/.test(part) ? part.slice(0, 5) : part;
      if (known.has(key)) repeated.push(key);
      else {
        known.add(key);
        fresh.push(part);
      }
    }
    const room = MAX_GEOGRAPHY_ZIPS - this.entries().length;
    if (fresh.length > room) {
      this.checkError.set(
        `A geography holds at most ${MAX_GEOGRAPHY_ZIPS.toLocaleString('en-US')} ZIP codes; ${fresh.length - room} were left out. Split the area into several geographies.`,
      );
      fresh.length = Math.max(room, 0);
    }
    if (repeated.length > 0) {
      const shown = [...new Set(repeated)].slice(0, 8).join(', ');
      this.merged.set(
        `${repeated.length} duplicate${repeated.length === 1 ? '' : 's'} merged (${shown}${repeated.length > 8 ? ', …' : ''}): each ZIP is kept once.`,
      );
    }
    if (fresh.length === 0) {
      this.emit();
      return;
    }
    const added: ZipEntry[] = fresh.map((text) => ({
      text,
      zip: null,
      state: 'checking',
      reason: null,
      resolution: null,
    }));
    this.entries.update((list) => [...list, ...added]);
    this.emit();
    const subscription = this.checker.check(fresh).subscribe({
      next: (answer) => {
        const results = new Map(added.map((entry, i) => [entry, answer.entries[i]]));
        this.entries.update((list) => {
          const seen = new Set<string>();
          const next: ZipEntry[] = [];
          for (const entry of list) {
            const result = results.get(entry);
            const updated: ZipEntry = result
              ? {
                  text: entry.text,
                  zip: result.zip,
                  state: result.valid ? 'valid' : 'invalid',
                  reason: result.reason,
                  resolution: result.resolution,
                }
              : entry;
            // ZIP+4 and the plain ZIP read as one: keep the first.
            if (updated.state === 'valid' && updated.zip) {
              if (seen.has(updated.zip)) continue;
              seen.add(updated.zip);
            }
            next.push(updated);
          }
          return next;
        });
        this.pending.delete(subscription);
        this.emit();
      },
      error: (error: unknown) => {
        this.entries.update((list) => list.filter((e) => !added.includes(e)));
        this.checkError.set(`The ZIP codes could not be checked: ${describeError(error).message}`);
        this.pending.delete(subscription);
        this.emit();
      },
    });
    this.pending.add(subscription);
  }

  private emit(): void {
    this.zipsChange.emit(this.valid().map((e) => e.zip as string));
    this.validChange.emit(!this.checking() && this.invalid().length === 0 && this.valid().length > 0);
  }
}
