import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';

import { ClientsService } from '../clients.service';
import { SessionService } from '../session.service';

const NONE = '';

/** The platform admin's choice of the tenant it acts in (sent as X-Client-Id), always on show. */
@Component({
  selector: 'lbi-tenant-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="picker">
      <mat-label>Acting in tenant</mat-label>
      <mat-select [value]="selected()" (valueChange)="pick($event)" panelWidth="">
        <mat-option [value]="none">No tenant (platform only)</mat-option>
        @for (client of clients(); track client.id) {
          <mat-option [value]="client.id">{{ client.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 240px;
      --mat-form-field-container-height: 40px;
      --mat-form-field-container-vertical-padding: 8px;
      --mdc-outlined-text-field-outline-color: var(--mat-sys-on-primary);
      --mat-form-field-outlined-outline-color: color-mix(in srgb, var(--mat-sys-on-primary) 60%, transparent);
      --mat-form-field-outlined-label-text-color: var(--mat-sys-on-primary);
      --mat-form-field-outlined-focus-label-text-color: var(--mat-sys-on-primary);
      --mat-form-field-outlined-focus-outline-color: var(--mat-sys-on-primary);
      --mat-select-enabled-trigger-text-color: var(--mat-sys-on-primary);
      --mat-select-enabled-arrow-color: var(--mat-sys-on-primary);
      --mat-select-focused-arrow-color: var(--mat-sys-on-primary);
    }
  `,
})
export class TenantPickerComponent {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  protected readonly clients = inject(ClientsService).clients;
  protected readonly none = NONE;
  protected readonly selected = computed(() => this.session.actingClient()?.id ?? NONE);

  protected pick(id: string): void {
    const client = this.clients()?.find((candidate) => candidate.id === id) ?? null;
    this.session.actIn(client ? { id: client.id, name: client.name } : null);
    // Whatever was on screen belonged to the previous tenant.
    void this.router.navigateByUrl(client ? '/geographies' : '/admin/tenants');
  }
}
