import { COMMA, ENTER, SPACE } from '@angular/cdk/keycodes';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { TradeAreaPreviewResponse } from '@lbi/contracts';
import { Subject, Subscription, debounceTime } from 'rxjs';

import { describeError } from '../../core/api-error';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { fieldMessage } from './field-messages';
import { GeographiesService } from './geographies.service';
import { TradeAreaPreviewComponent } from './trade-area-preview.component';

const PREVIEW_DELAY_MS = 400;
const FIPS = /^\d{5}$/;

/**
 * A set of counties as chips of 5-digit FIPS codes (state + county): the format is checked as each is
 * added, the set previewed (GET /trade-areas/preview), and the API's refusal shown on the field.
 * Emits the counties once their preview is in, null otherwise.
 */
@Component({
  selector: 'lbi-county-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorBannerComponent,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    TradeAreaPreviewComponent,
  ],
  template: `
    <mat-form-field class="field">
      <mat-label>County FIPS codes</mat-label>
      <mat-chip-grid
        #grid
        aria-label="Counties of the geography"
        [formControl]="control"
        [errorStateMatcher]="matcher"
      >
        @for (county of counties(); track county) {
          <mat-chip-row (removed)="remove(county)">
            {{ county }}
            <button matChipRemove [attr.aria-label]="'Remove county ' + county">
              <mat-icon svgIcon="lbi-close" />
            </button>
          </mat-chip-row>
        }
      </mat-chip-grid>
      <input
        placeholder="e.g. 42091 42017"
        inputmode="numeric"
        [matChipInputFor]="grid"
        [matChipInputSeparatorKeyCodes]="separators"
        [matChipInputAddOnBlur]="true"
        (matChipInputTokenEnd)="add($event)"
        data-testid="county-input"
      />
      <mat-hint>5 digits each: the state's 2 and the county's 3 (Montgomery County, PA is 42091).</mat-hint>
      @if (fieldError(); as message) {
        <mat-error data-testid="county-error">{{ message }}</mat-error>
      }
    </mat-form-field>
    <div class="progress-slot">
      @if (previewing()) {
        <mat-progress-bar mode="indeterminate" aria-label="Previewing the counties" />
      }
    </div>
    @if (previewError(); as problem) {
      <lbi-error-banner title="The counties could not be previewed" [message]="problem" />
    }
    @if (preview(); as p) {
      <lbi-trade-area-preview [preview]="p" />
    } @else if (!previewing() && counties().length === 0) {
      <p class="muted">Add counties to see which ZIPs they hold.</p>
    }
  `,
  styles: `
    .field {
      width: 100%;
      max-width: 640px;
    }
  `,
})
export class CountyFieldsComponent {
  private readonly geographies = inject(GeographiesService);
  private readonly changed = new Subject<void>();
  private previewing$: Subscription | undefined;

  readonly disabled = input(false);
  /** The save's messages for `counties`, shown on the field. */
  readonly saveErrors = input<Readonly<Record<string, string[]>>>({});
  readonly countiesChange = output<string[] | null>();

  protected readonly separators = [ENTER, COMMA, SPACE] as const;
  protected readonly counties = signal<readonly string[]>([]);
  protected readonly fieldError = signal<string | null>(null);
  protected readonly preview = signal<TradeAreaPreviewResponse | null>(null);
  protected readonly previewing = signal(false);
  protected readonly previewError = signal<string | null>(null);
  /** The grid's control: the chip grid judges its error state only with one bound. */
  protected readonly control = new FormControl<readonly string[]>([], { nonNullable: true });
  /** The field shows its error whenever there is a message for it, touched or not. */
  protected readonly matcher: ErrorStateMatcher = { isErrorState: () => this.fieldError() !== null };

  constructor() {
    const sub = this.changed.pipe(debounceTime(PREVIEW_DELAY_MS)).subscribe(() => this.loadPreview());
    inject(DestroyRef).onDestroy(() => {
      sub.unsubscribe();
      this.previewing$?.unsubscribe();
    });
    effect(() => {
      if (this.disabled()) this.control.disable({ emitEvent: false });
      else this.control.enable({ emitEvent: false });
    });
    effect(() => {
      const message = fieldMessage(this.saveErrors()['counties']);
      if (message !== null) this.fieldError.set(message);
    });
  }

  protected add(event: MatChipInputEvent): void {
    const parts = event.value
      .split(/[\s,;]+/)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (parts.length === 0) return;
    const wrong = parts.filter((part) => !FIPS.test(part));
    if (wrong.length > 0) {
      // Kept in the input to be corrected; nothing is added.
      this.fieldError.set(
        `"${wrong[0]}" is not a county FIPS code: use 5 digits, the state's 2 and the county's 3 (e.g. 42091).`,
      );
      return;
    }
    event.chipInput.clear();
    this.counties.update((list) => [...new Set([...list, ...parts])]);
    this.onChange();
  }

  protected remove(county: string): void {
    this.counties.update((list) => list.filter((c) => c !== county));
    this.onChange();
  }

  private onChange(): void {
    this.control.setValue(this.counties());
    this.fieldError.set(null);
    this.previewError.set(null);
    this.preview.set(null);
    this.countiesChange.emit(null);
    this.previewing$?.unsubscribe();
    this.previewing.set(false);
    this.changed.next();
  }

  private loadPreview(): void {
    const counties = [...this.counties()];
    if (counties.length === 0) return;
    this.previewing.set(true);
    this.previewing$ = this.geographies.preview({ counties }).subscribe({
      next: (preview) => {
        this.previewing.set(false);
        this.preview.set(preview);
        this.countiesChange.emit(counties);
      },
      error: (error: unknown) => {
        this.previewing.set(false);
        const problem = describeError(error, ['counties']);
        const message = fieldMessage(problem.fieldErrors['counties']);
        if (message !== null) this.fieldError.set(message);
        else this.previewError.set(problem.message);
      },
    });
  }
}
