import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MAX_RING_RADIUS_MILES, MIN_RING_RADIUS_MILES, type TradeAreaPreviewResponse } from '@lbi/contracts';
import { EMPTY, catchError, debounceTime, merge, of, switchMap, tap } from 'rxjs';

import { describeError } from '../../core/api-error';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { fieldMessage } from './field-messages';
import { GeographiesService, RingInput } from './geographies.service';
import { TradeAreaPreviewComponent } from './trade-area-preview.component';

/** Wait after the last keystroke before asking for a preview. */
const PREVIEW_DELAY_MS = 400;

/**
 * A ring around a ZIP: the centre ZIP and a radius in miles, previewed live (GET /trade-areas/preview)
 * on the map and as a list before it is saved. Emits the ring once its preview is in, null otherwise;
 * the API's messages (preview or save) are shown on the field they name.
 */
@Component({
  selector: 'lbi-ring-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorBannerComponent,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    TradeAreaPreviewComponent,
  ],
  template: `
    <div class="fields">
      <mat-form-field>
        <mat-label>Centre ZIP code</mat-label>
        <input
          matInput
          required
          inputmode="numeric"
          maxlength="5"
          autocomplete="off"
          [formControl]="zip"
          data-testid="ring-zip"
        />
        <mat-hint>The ring is centred on this ZIP's Census ZCTA point.</mat-hint>
        @if (zip.hasError('server')) {
          <mat-error>{{ zip.getError('server') }}</mat-error>
        } @else if (zip.invalid) {
          <mat-error>Enter a 5-digit ZIP code, e.g. 19087.</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Radius (miles)</mat-label>
        <input
          matInput
          required
          type="number"
          [min]="min"
          [max]="max"
          step="1"
          [formControl]="radius"
          data-testid="ring-radius"
        />
        <mat-hint>From {{ min }} to {{ max }} miles.</mat-hint>
        @if (radius.hasError('server')) {
          <mat-error>{{ radius.getError('server') }}</mat-error>
        } @else if (radius.invalid) {
          <mat-error>Enter a radius from {{ min }} to {{ max }} miles.</mat-error>
        }
      </mat-form-field>
    </div>
    <div class="progress-slot">
      @if (previewing()) {
        <mat-progress-bar mode="indeterminate" aria-label="Previewing the ring" />
      }
    </div>
    @if (previewError(); as problem) {
      <lbi-error-banner title="The ring could not be previewed" [message]="problem" />
    }
    @if (preview(); as p) {
      <lbi-trade-area-preview [preview]="p" />
    } @else if (!previewing()) {
      <p class="muted">Enter a ZIP and a radius to see which ZIPs the ring holds.</p>
    }
  `,
  styles: `
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      mat-form-field {
        width: 240px;
      }
    }
  `,
})
export class RingFieldsComponent {
  private readonly geographies = inject(GeographiesService);

  readonly disabled = input(false);
  /** The save's messages by field (`zip_code`, `radius_miles`), shown on them. */
  readonly saveErrors = input<Readonly<Record<string, string[]>>>({});
  readonly ringChange = output<RingInput | null>();

  protected readonly min = MIN_RING_RADIUS_MILES;
  protected readonly max = MAX_RING_RADIUS_MILES;
  protected readonly zip = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/^\s*\d{5}\s*$/)],
  });
  protected readonly radius = new FormControl<number | null>(10, {
    validators: [Validators.required, Validators.min(this.min), Validators.max(this.max)],
  });
  protected readonly preview = signal<TradeAreaPreviewResponse | null>(null);
  protected readonly previewing = signal(false);
  protected readonly previewError = signal<string | null>(null);

  constructor() {
    merge(this.zip.valueChanges, this.radius.valueChanges)
      .pipe(
        tap(() => {
          this.ringChange.emit(null);
          this.preview.set(null);
          this.previewError.set(null);
        }),
        debounceTime(PREVIEW_DELAY_MS),
        switchMap(() => {
          if (this.zip.invalid || this.radius.invalid || this.radius.value === null) return EMPTY;
          const ring = { zip_code: this.zip.value.trim(), radius_miles: this.radius.value };
          this.previewing.set(true);
          return this.geographies.preview({ ring }).pipe(
            tap((preview) => {
              this.previewing.set(false);
              this.preview.set(preview);
              this.ringChange.emit(ring);
            }),
            catchError((error: unknown) => {
              this.previewing.set(false);
              this.showProblem(error);
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
    effect(() => {
      const errors = this.saveErrors();
      this.setServerError(this.zip, errors['zip_code']);
      this.setServerError(this.radius, errors['radius_miles']);
    });
    effect(() => {
      const disabled = this.disabled();
      for (const control of [this.zip, this.radius]) {
        if (disabled) control.disable({ emitEvent: false });
        else control.enable({ emitEvent: false });
      }
    });
  }

  private showProblem(error: unknown): void {
    const problem = describeError(error, ['zip_code', 'radius_miles']);
    const onZip = problem.fieldErrors['zip_code'];
    const onRadius = problem.fieldErrors['radius_miles'];
    this.setServerError(this.zip, onZip);
    this.setServerError(this.radius, onRadius);
    if (!onZip && !onRadius) this.previewError.set(problem.message);
  }

  private setServerError(control: FormControl, messages: string[] | undefined): void {
    const message = fieldMessage(messages);
    if (message === null) return;
    control.setErrors({ server: message });
    control.markAsTouched();
  }
}
