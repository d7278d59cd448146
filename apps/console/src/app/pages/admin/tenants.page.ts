import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import type { ClientResponse } from '@lbi/contracts';

import { describeError } from '../../core/api-error';
import { ClientsService } from '../../core/clients.service';
import { SessionService } from '../../core/session.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatDate } from '../../shared/format';

/** The platform admin's tenants: list, create, and choose the one to act in. */
@Component({
  selector: 'lbi-tenants-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EmptyStateComponent,
    ErrorBannerComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    ReactiveFormsModule,
  ],
  templateUrl: './tenants.page.html',
  styles: `
    .create {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px;
      mat-form-field {
        min-width: 320px;
      }
    }
    .current {
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--lbi-success-container);
      color: var(--lbi-on-success-container);
      font: var(--mat-sys-label-medium);
    }
  `,
})
export class TenantsPage {
  private readonly clients = inject(ClientsService);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  /** `?pick=1`: sent here because a page needs a tenant. */
  readonly pick = input<string>();

  protected readonly list = this.clients.clients;
  protected readonly acting = this.session.actingClient;
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly nameError = signal<string | null>(null);
  protected readonly name = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(200)],
  });
  protected readonly dataSource = new MatTableDataSource<ClientResponse>([]);
  protected readonly columns = ['name', 'created_at', 'act'];
  protected readonly formatDate = formatDate;
  protected readonly needsPick = computed(() => this.pick() !== undefined && !this.acting());
  protected readonly filterText = signal('');

  constructor() {
    this.dataSource.filterPredicate = (client, filter) => client.name.toLowerCase().includes(filter);
    effect(() => (this.dataSource.filter = this.filterText().trim().toLowerCase()));
    effect(() => {
      this.dataSource.data = [...(this.list() ?? [])];
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.clients.load().subscribe({
      next: () => this.loading.set(false),
      error: (error: unknown) => {
        this.error.set(describeError(error).message);
        this.loading.set(false);
      },
    });
  }

  protected create(): void {
    if (this.name.invalid) {
      this.name.markAsTouched();
      this.nameError.set(this.name.hasError('required') ? 'Name the tenant (the agency client).' : null);
      return;
    }
    this.busy.set(true);
    this.nameError.set(null);
    this.clients.create(this.name.value.trim()).subscribe({
      next: (client) => {
        this.busy.set(false);
        this.name.reset('');
        this.filterText.set(client.name); // the new tenant, whatever page it sorts onto
        this.snackBar.open(`Created the tenant "${client.name}".`, 'OK', { duration: 4000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = describeError(error, ['name']);
        const message =
          problem.status === 409 ? problem.message : (problem.fieldErrors['name']?.join(' ') ?? null);
        if (message) {
          this.name.setErrors({ server: message });
          this.nameError.set(message);
        } else {
          this.error.set(problem.message);
        }
      },
    });
  }

  protected actIn(client: ClientResponse): void {
    this.session.actIn({ id: client.id, name: client.name });
    void this.router.navigateByUrl('/geographies');
  }
}
