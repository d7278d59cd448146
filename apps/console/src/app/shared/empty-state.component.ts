import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** What an empty list says: what it will hold, and what to do next (the projected actions). */
@Component({
  selector: 'lbi-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    <div class="empty" role="status">
      <mat-icon class="icon" [svgIcon]="icon()" aria-hidden="true" />
      <p class="title">{{ title() }}</p>
      <p class="text">{{ text() }}</p>
      <div class="actions"><ng-content /></div>
    </div>
  `,
  styles: `
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      padding: 40px 24px;
      text-align: center;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .icon {
      width: 40px;
      height: 40px;
      color: var(--mat-sys-primary);
    }
    .title {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .text {
      max-width: 520px;
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      justify-content: center;
    }
  `,
})
export class EmptyStateComponent {
  readonly title = input.required<string>();
  readonly text = input.required<string>();
  readonly icon = input('lbi-info');
}
