import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** A message in a box: an error a person can act on (with an optional retry), a warning or a note. */
@Component({
  selector: 'lbi-error-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule],
  template: `
    <div
      class="banner"
      [class]="'banner banner--' + kind()"
      [attr.role]="kind() === 'error' ? 'alert' : 'status'"
    >
      <mat-icon class="icon" [svgIcon]="icon()" aria-hidden="true" />
      <div class="body">
        @if (title(); as title) {
          <p class="title">{{ title }}</p>
        }
        <p class="message">{{ message() }}</p>
        <ng-content />
      </div>
      @if (retryLabel(); as retryText) {
        <button mat-button type="button" (click)="retry.emit()">{{ retryText }}</button>
      }
    </div>
  `,
  styles: `
    .banner {
      display: flex;
      align-items: flex-start;
      gap: 12px;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 12px;
      border: 1px solid transparent;
    }
    .banner--error {
      background: var(--lbi-danger-container);
      color: var(--lbi-on-danger-container);
      border-color: var(--mat-sys-error);
    }
    .banner--warning {
      background: var(--lbi-warning-container);
      color: var(--lbi-on-warning-container);
    }
    .banner--info {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .banner--success {
      background: var(--lbi-success-container);
      color: var(--lbi-on-success-container);
    }
    .icon {
      flex: none;
      margin-top: 2px;
    }
    .body {
      flex: 1 1 auto;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .message {
      margin: 0;
      white-space: pre-line;
    }
  `,
})
export class ErrorBannerComponent {
  readonly message = input.required<string>();
  readonly title = input<string>();
  readonly kind = input<'error' | 'warning' | 'info' | 'success'>('error');
  /** Shows a button with this label that emits `retry`. */
  readonly retryLabel = input<string>();
  readonly retry = output<void>();

  protected readonly icon = computed(
    () =>
      ({ error: 'lbi-error', warning: 'lbi-warning', info: 'lbi-info', success: 'lbi-check-circle' })[
        this.kind()
      ],
  );
}
