import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { DemoInfoResponse } from '@lbi/contracts';

import { describeError } from '../../core/api-error';
import { SessionService } from '../../core/session.service';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { SignInService } from './sign-in.service';

const DEMO_ROLE_LABELS: Record<DemoInfoResponse['accounts'][number]['role'], string> = {
  analyst: 'Analyst: geographies, imports, reports',
  admin: 'Tenant admin: an analyst who manages users',
  client: 'Client: reads reports, changes nothing',
  platform: 'Platform admin: tenants, acts in any',
};
const DEMO_ORDER = ['analyst', 'admin', 'client', 'platform'];

/** Sign in: errors in words (credentials, throttling with the wait, server down); demo logins in demo mode. */
@Component({
  selector: 'lbi-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorBannerComponent,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
  ],
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.scss',
})
export class SignInPage {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);

  /** Where to go afterwards (the page an expired session interrupted). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = this.session.notice;
  protected readonly demo = toSignal(inject(SignInService).demoInfo(), { initialValue: null });
  protected readonly demoLabel = (role: string): string =>
    DEMO_ROLE_LABELS[role as keyof typeof DEMO_ROLE_LABELS] ?? role;
  protected readonly sortedAccounts = (info: DemoInfoResponse) =>
    [...info.accounts].sort((a, b) => DEMO_ORDER.indexOf(a.role) - DEMO_ORDER.indexOf(b.role));

  protected useDemo(account: DemoInfoResponse['accounts'][number]): void {
    this.form.setValue({ email: account.email, password: account.password });
    this.submit();
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.session.signIn(email.trim(), password).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = describeError(error);
        this.error.set(
          problem.status === 401
            ? 'The email or password is not right. Check both and try again (passwords are case-sensitive).'
            : problem.message,
        );
      },
    });
  }
}

/** Only a path inside the console: never another site (`//evil.example`) or the sign-in page itself. */
function safeReturnUrl(url: string | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/sign-in')) return '/';
  return url;
}
