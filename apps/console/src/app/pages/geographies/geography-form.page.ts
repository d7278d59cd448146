import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { GeographyResponse } from '@lbi/contracts';

import { describeError } from '../../core/api-error';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { ZipChipEditorComponent } from '../../shared/zip-editor/zip-chip-editor.component';
import { CountyFieldsComponent } from './county-fields.component';
import { GeographiesService, NewGeographyInput, RingInput } from './geographies.service';
import { RingFieldsComponent } from './ring-fields.component';

/** Fields of a ring or county save the API may name in a 400. */
const AREA_FIELDS = ['around.zip_code', 'around.radius_miles', 'counties'];

/** How a new geography's ZIPs are chosen. */
export type GeographyMode = 'zips' | 'ring' | 'counties';

/**
 * Create a geography — a name and a ZIP list, a ring around a ZIP or a set of counties, each
 * previewed before it is saved — or edit one's ZIP list (`/geographies/:id/edit`).
 */
@Component({
  selector: 'lbi-geography-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CountyFieldsComponent,
    ErrorBannerComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RingFieldsComponent,
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
    .mode {
      align-self: flex-start;
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
  protected readonly mode = signal<GeographyMode>('zips');
  protected readonly zips = signal<string[]>([]);
  protected readonly zipsValid = signal(false);
  /** The ring or the counties once previewed; null until then. */
  protected readonly ring = signal<RingInput | null>(null);
  protected readonly counties = signal<string[] | null>(null);
  protected readonly ringErrors = signal<Readonly<Record<string, string[]>>>({});
  protected readonly countyErrors = signal<Readonly<Record<string, string[]>>>({});
  protected readonly busy = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly nameError = signal<string | null>(null);
  protected readonly triedSave = signal(false);
  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly areaReady = computed(() => {
    switch (this.mode()) {
      case 'ring':
        return this.ring() !== null;
      case 'counties':
        return this.counties() !== null;
      default:
        return this.zipsValid();
    }
  });
  protected readonly canSave = computed(() => this.name().trim() !== '' && this.areaReady() && !this.busy());

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
    const name = this.name().trim();
    const id = this.id();
    const request = id
      ? this.geographies.update(id, { name, zip_codes: this.zips() })
      : this.geographies.create(this.newGeography(name));
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
        const problem = describeError(error, ['name', ...AREA_FIELDS]);
        this.ringErrors.set({
          zip_code: problem.fieldErrors['around.zip_code'] ?? [],
          radius_miles: problem.fieldErrors['around.radius_miles'] ?? [],
        });
        this.countyErrors.set({ counties: problem.fieldErrors['counties'] ?? [] });
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

  /** A new mode starts empty: the other modes' fields are gone from the page. */
  protected setMode(mode: GeographyMode): void {
    this.mode.set(mode);
    this.zips.set([]);
    this.zipsValid.set(false);
    this.ring.set(null);
    this.counties.set(null);
    this.ringErrors.set({});
    this.countyErrors.set({});
    this.error.set(null);
    this.triedSave.set(false);
  }

  private newGeography(name: string): NewGeographyInput {
    const ring = this.ring();
    const counties = this.counties();
    if (this.mode() === 'ring' && ring) return { name, around: ring };
    if (this.mode() === 'counties' && counties) return { name, counties };
    return { name, zip_codes: this.zips() };
  }
}
