import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { CHANNEL_TYPES, type ChannelResponse, type GeographyResponse } from '@lbi/contracts';

import { describeError } from '../../core/api-error';
import { channelTypeLabel } from '../../core/labels';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { ChannelInput, ChannelsService } from './channels.service';

export interface ChannelDialogData {
  readonly geographies: readonly GeographyResponse[];
  readonly channel?: ChannelResponse;
  readonly geographyId?: string;
}

const FIELDS = [
  'geography_id',
  'channel_type',
  'name',
  'zip_code',
  'city',
  'state',
  'estimated_reach',
  'website',
  'notes',
  'source_url',
] as const;
type Field = (typeof FIELDS)[number];

const NO_ZIP = '';

/** Create or edit a channel; the API's validation messages are shown on the field they concern. */
@Component({
  selector: 'lbi-channel-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorBannerComponent,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './channel-dialog.component.html',
  styles: `
    .grid {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 16px;
      padding-top: 8px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .intro {
      margin: 0 0 8px;
    }
    @media (max-width: 640px) {
      .grid {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class ChannelDialogComponent {
  private readonly channels = inject(ChannelsService);
  private readonly dialog = inject(MatDialogRef<ChannelDialogComponent, ChannelResponse>);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<ChannelDialogData>(MAT_DIALOG_DATA);

  protected readonly types = CHANNEL_TYPES;
  protected readonly typeLabel = channelTypeLabel;
  protected readonly noZip = NO_ZIP;
  protected readonly editing = this.data.channel !== undefined;
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  /** Bumped when server errors are set, so the view re-reads the controls' error state. */
  protected readonly errorsVersion = signal(0);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    geography_id: [
      this.data.channel?.geography_id ?? this.data.geographyId ?? this.data.geographies[0]?.id ?? '',
      Validators.required,
    ],
    channel_type: [this.data.channel?.channel_type ?? 'hoa', Validators.required],
    name: [this.data.channel?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    zip_code: [this.data.channel?.zip_code ?? NO_ZIP],
    city: [this.data.channel?.city ?? '', Validators.maxLength(100)],
    state: [this.data.channel?.state ?? '', Validators.pattern(/^[A-Za-z]{2}$/)],
    estimated_reach: [this.data.channel?.estimated_reach?.toString() ?? '', Validators.pattern(/^\d*$/)],
    website: [this.data.channel?.website ?? ''],
    notes: [this.data.channel?.notes ?? '', Validators.maxLength(2000)],
    source_url: [this.data.channel?.source_url ?? ''],
  });

  private readonly geographyId = toSignal(this.form.controls.geography_id.valueChanges, {
    initialValue: this.form.controls.geography_id.value,
  });
  protected readonly zipOptions = computed(() => {
    const geography = this.data.geographies.find((g) => g.id === this.geographyId());
    return (geography?.zcta_resolution ?? []).map((r) => ({
      zip: r.zip,
      label: [r.zip, r.po_name].filter(Boolean).join(' · '),
    }));
  });

  protected serverError(field: Field): string | null {
    this.errorsVersion();
    const control = this.form.controls[field];
    return (control.getError('server') as string | undefined) ?? null;
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errorsVersion.update((v) => v + 1);
      return;
    }
    const value = this.form.getRawValue();
    const optional = (text: string) => (text.trim() === '' ? null : text.trim());
    const input: ChannelInput = {
      geography_id: value.geography_id,
      channel_type: value.channel_type,
      name: value.name.trim(),
      zip_code: value.zip_code === NO_ZIP ? null : value.zip_code,
      estimated_reach: value.estimated_reach.trim() === '' ? null : Number(value.estimated_reach),
      website: optional(value.website),
      notes: optional(value.notes),
      source_url: optional(value.source_url),
    };
    // City and state default to the ZIP's post office when left empty.
    if (value.city.trim() !== '') input.city = value.city.trim();
    if (value.state.trim() !== '') input.state = value.state.trim().toUpperCase();
    if (!this.editing && input.zip_code === null) delete input.zip_code;
    this.busy.set(true);
    this.problem.set(null);
    const channel = this.data.channel;
    const request = channel ? this.channels.update(channel.id, input) : this.channels.create(input);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.dialog.close(saved);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = describeError(error, FIELDS);
        const fieldErrors = { ...problem.fieldErrors };
        // A duplicate (409) is about the name within the geography and type.
        if (problem.status === 409) fieldErrors['name'] = [problem.message];
        for (const field of FIELDS) {
          const messages = fieldErrors[field];
          if (!messages) continue;
          this.form.controls[field].setErrors({ server: messages.join(' ') });
          this.form.controls[field].markAsTouched();
        }
        this.errorsVersion.update((v) => v + 1);
        if (problem.status !== 409) this.problem.set(problem.message);
        // Bring the first field the API complained about into view (the dialog scrolls).
        setTimeout(() =>
          this.host.nativeElement
            .querySelector('.mat-form-field-invalid')
            ?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
        );
      },
    });
  }
}
