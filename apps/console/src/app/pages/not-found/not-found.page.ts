import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';

/** Any URL no route matches. */
@Component({
  selector: 'lbi-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    <h1 class="title">Page not found</h1>
    <p>
      There is no page at <code>{{ path }}</code>. It may have moved, or the address may be mistyped.
    </p>
    <a mat-flat-button routerLink="/">
      <mat-icon svgIcon="lbi-home" aria-hidden="true" />
      Go to the home page
    </a>
  `,
  styles: `
    :host {
      display: block;
      max-width: 640px;
    }

    .title {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-medium);
    }

    p {
      margin: 0 0 24px;
    }
  `,
})
export class NotFoundPage {
  protected readonly path = inject(Router).url;
}
