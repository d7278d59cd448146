import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { MIN_PASSWORD_LENGTH, ROLES, Role, type UserResponse } from '@lbi/contracts';

import { describeError } from '../../core/api-error';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, label } from '../../core/labels';
import { SessionService } from '../../core/session.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { formatDate } from '../../shared/format';
import { AdminService } from './admin.service';

const FIELDS = ['email', 'password', 'role'] as const;

/** The tenant's users: list, create, change role, deactivate (and reactivate). */
@Component({
  selector: 'lbi-users-page',
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
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    ReactiveFormsModule,
  ],
  templateUrl: './users.page.html',
  styles: `
    .create {
      display: grid;
      grid-template-columns: minmax(220px, 2fr) minmax(220px, 2fr) minmax(180px, 1fr) auto;
      gap: 0 12px;
      align-items: start;
    }
    .create button {
      margin-top: 8px;
    }
    .role-select {
      width: 190px;
      --mat-form-field-container-height: 40px;
      --mat-form-field-container-vertical-padding: 8px;
    }
    .inactive {
      color: var(--mat-sys-on-surface-variant);
    }
    .state {
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
    }
    .state--active {
      background: var(--lbi-success-container);
      color: var(--lbi-on-success-container);
    }
    .state--inactive {
      background: var(--mat-sys-surface-container-highest);
    }
    @media (max-width: 1000px) {
      .create {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class UsersPage {
  private readonly admin = inject(AdminService);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  protected readonly roles = ROLES;
  protected readonly roleLabel = (role: string) => label(ROLE_LABELS, role);
  protected readonly roleDescription = (role: string) => ROLE_DESCRIPTIONS[role] ?? '';
  protected readonly minPassword = MIN_PASSWORD_LENGTH;
  protected readonly me = computed(() => this.session.user()?.id);
  protected readonly tenantName = computed(() => this.session.actingClient()?.name ?? null);
  protected readonly list = signal<readonly UserResponse[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly formProblem = signal<string | null>(null);
  protected readonly errorsVersion = signal(0);
  protected readonly dataSource = new MatTableDataSource<UserResponse>([]);
  protected readonly columns = ['email', 'role', 'is_active', 'created_at', 'actions'];
  protected readonly formatDate = formatDate;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
    role: [Role.Analyst as Role, Validators.required],
  });

  constructor() {
    effect(() => {
      this.dataSource.data = [...(this.list() ?? [])];
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.admin.users().subscribe({
      next: (users) => {
        // The platform admin acting in a tenant sees only that tenant's users.
        this.list.set(users.filter((u) => u.client_id !== null));
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(describeError(error).message);
        this.loading.set(false);
      },
    });
  }

  protected serverError(field: (typeof FIELDS)[number]): string | null {
    this.errorsVersion();
    return (this.form.controls[field].getError('server') as string | undefined) ?? null;
  }

  protected create(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errorsVersion.update((v) => v + 1);
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.formProblem.set(null);
    this.admin
      .createUser({ email: value.email.trim(), password: value.password, role: value.role })
      .subscribe({
        next: (user) => {
          this.busy.set(false);
          this.form.reset({ email: '', password: '', role: Role.Analyst });
          this.snackBar.open(
            `Created ${user.email} (${this.roleLabel(user.role)}). They can sign in now.`,
            'OK',
            {
              duration: 5000,
            },
          );
          this.load();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const problem = describeError(error, FIELDS);
          const fieldErrors = { ...problem.fieldErrors };
          if (problem.status === 409) fieldErrors['email'] = [problem.message];
          for (const field of FIELDS) {
            const messages = fieldErrors[field];
            if (messages) {
              this.form.controls[field].setErrors({ server: messages.join(' ') });
              this.form.controls[field].markAsTouched();
            }
          }
          this.errorsVersion.update((v) => v + 1);
          if (problem.status !== 409) this.formProblem.set(problem.message);
        },
      });
  }

  protected changeRole(user: UserResponse, role: Role): void {
    if (role === user.role) return;
    this.update(user, { role }, `${user.email} is now ${this.roleLabel(role)}.`);
  }

  protected toggleActive(user: UserResponse): void {
    const is_active = !user.is_active;
    this.update(
      user,
      { is_active },
      is_active
        ? `${user.email} can sign in again.`
        : `${user.email} is deactivated: their sessions end at once.`,
    );
  }

  private update(user: UserResponse, change: { role?: Role; is_active?: boolean }, done: string): void {
    this.error.set(null);
    this.admin.updateUser(user.id, change).subscribe({
      next: (updated) => {
        this.list.update((list) => (list ?? []).map((u) => (u.id === updated.id ? updated : u)));
        this.snackBar.open(done, 'OK', { duration: 4000 });
      },
      error: (error: unknown) => {
        this.error.set(describeError(error).message);
        this.load(); // show the role the server kept
      },
    });
  }
}
