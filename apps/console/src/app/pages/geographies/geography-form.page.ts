import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { GeographyResponse } from '@lbi/contracts';

import { describeError } from '../../core/api-error';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { ZipChipEditorComponent } from '../../shared/zip-editor/zip-chip-editor.component';
import { GeographiesService } from './geographies.service';

/** Create a geography, or edit one (`/geographies/:id/edit`): a name and a ZIP list. */
@Component({
  selector: 'lbi-geography-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorBannerComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    ZipChipEditorComponent,
  ],
  templateUrl: './geography-form.page.html',
  styles: `
    :host {
      display: block;
      max-width: 960px;
    }
    .name {
      width: 100%;
      max-width: 480px;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
  `,
})
export class GeographyFormPage {
  private readonly geographies = inject(GeographiesService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter: set when editing. */
  readonly id = input<string>();

  protected readonly existing = signal<GeographyResponse | null>(null);
  protected readonly nameControl = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(200)],
  });
  protected readonly name = toSignal(this.nameControl.valueChanges, { initialValue: '' });
  protected readonly zips = signal<string[]>([]);
  protected readonly zipsValid = signal(false);
  protected readonly busy = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly nameError = signal<string | null>(null);
  protected readonly triedSave = signal(false);
  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly canSave = computed(() => this.name().trim() !== '' && this.zipsValid() && !this.busy());

  constructor() {
    effect(() => {
      const id = this.id();
      if (!id) return;
      this.loading.set(true);
      this.geographies.get(id).subscribe({
        next: (geography) => {
          this.existing.set(geography);
          this.nameControl.setValue(geography.name);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.error.set(describeError(error).message);
          this.loading.set(false);
        },
      });
    });
  }

  protected save(): void {
    this.triedSave.set(true);
    this.nameControl.markAsTouched();
    if (!this.canSave()) return;
    this.busy.set(true);
    this.error.set(null);
    this.nameError.set(null);
    const input = { name: this.name().trim(), zip_codes: this.zips() };
    const id = this.id();
    const request = id ? this.geographies.update(id, input) : this.geographies.create(input);
    request.subscribe({
      next: (geography) => {
        this.busy.set(false);
        this.snackBar.open(`Saved "${geography.name}" with ${geography.zip_codes.length} ZIP codes.`, 'OK', {
          duration: 4000,
        });
        void this.router.navigate(['/geographies', geography.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = describeError(error, ['name']);
        const onName =
          problem.status === 409 ? problem.message : (problem.fieldErrors['name'] ?? []).join(' ') || null;
        if (onName) {
          // The API's message on the field it concerns.
          this.nameControl.setErrors({ server: onName });
          this.nameControl.markAsTouched();
          this.nameError.set(onName);
        }
        if (problem.status !== 409) this.error.set(problem.message);
      },
    });
  }
}
