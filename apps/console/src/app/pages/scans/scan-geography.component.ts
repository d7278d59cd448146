import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, signal } from '@angular/core';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';

import { describeError } from '../../core/api-error';
import { ErrorBannerComponent } from '../../shared/error-banner.component';
import { ScansService } from './scans.service';

/** Makes a geography of a finished scan's top ZIPs (POST /geographies with from_scan), then opens it. */
@Component({
  selector: 'lbi-scan-geography',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorBannerComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  template: `
    <form class="fields" (submit)="$event.preventDefault(); create()" novalidate>
      <mat-form-field class="name">
        <mat-label>Geography name</mat-label>
        <input
          matInput
          required
          maxlength="200"
          autocomplete="off"
          [value]="name()"
          (input)="name.set($any($event.target).value); nameError.set(null)"
          [disabled]="busy()"
          [errorStateMatcher]="nameMatcher"
          data-testid="scan-geography-name"
        />
        @if (nameError(); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="top">
        <mat-label>Top ZIPs</mat-label>
        <input
          matInput
          required
          type="number"
          min="1"
          [max]="available()"
          step="1"
          [value]="top()"
          (input)="top.set(+$any($event.target).value); topError.set(null)"
          [disabled]="busy()"
          [errorStateMatcher]="topMatcher"
          data-testid="scan-geography-top"
        />
        <mat-hint>Of the {{ available() }} the scan explains.</mat-hint>
        @if (topError(); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">
        <mat-icon svgIcon="lbi-add" aria-hidden="true" />
        Create the geography
      </button>
    </form>
    <div class="progress-slot">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Creating the geography" />
      }
    </div>
    @if (error(); as problem) {
      <lbi-error-banner title="The geography was not created" [message]="problem" />
    }
  `,
  styles: `
    .fields {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
      .name {
        width: 360px;
        max-width: 100%;
      }
      .top {
        width: 160px;
      }
      button {
        margin-top: 8px;
      }
    }
  `,
})
export class ScanGeographyComponent {
  private readonly scans = inject(ScansService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  readonly scanId = input.required<string>();
  /** How many top ZIPs the scan explains. */
  readonly available = input.required<number>();
  readonly defaultName = input.required<string>();

  /** Start from the scan's values; the person's edits then win. */
  protected readonly name = linkedSignal(() => this.defaultName());
  protected readonly top = linkedSignal(() => Math.min(25, this.available()));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly nameError = signal<string | null>(null);
  protected readonly topError = signal<string | null>(null);
  protected readonly nameMatcher: ErrorStateMatcher = { isErrorState: () => this.nameError() !== null };
  protected readonly topMatcher: ErrorStateMatcher = { isErrorState: () => this.topError() !== null };

  protected create(): void {
    const name = this.name().trim();
    const top = this.top();
    if (name === '') {
      this.nameError.set('Give the geography a name.');
      return;
    }
    if (!Number.isInteger(top) || top < 1 || top > this.available()) {
      this.topError.set(`Enter a whole number from 1 to ${this.available()}.`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.scans.createGeography(name, this.scanId(), top).subscribe({
      next: (geography) => {
        this.busy.set(false);
        this.snackBar.open(
          `Created "${geography.name}" with ${geography.zip_codes.length} ZIP codes.`,
          'OK',
          {
            duration: 4000,
          },
        );
        void this.router.navigate(['/geographies', geography.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = describeError(error, ['name', 'from_scan.top']);
        const onName =
          problem.status === 409 ? problem.message : (problem.fieldErrors['name'] ?? []).join(' ');
        const onTop = (problem.fieldErrors['from_scan.top'] ?? []).join(' ');
        if (onName) this.nameError.set(onName);
        if (onTop) this.topError.set(onTop);
        if (!onName && !onTop) this.error.set(problem.message);
      },
    });
  }
}
