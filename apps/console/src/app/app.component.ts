import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { ApiVersionService } from './shell/api-version.service';
import { NAV_ITEMS } from './shell/nav-items';

/** The shell: toolbar, responsive side nav, routed page, footer. */
@Component({
  selector: 'lbi-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './app.component.html',
  styleUrl: './app.component.scss',
})
export class App {
  private readonly apiVersion = inject(ApiVersionService);
  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly productName = 'Local Buyer Intelligence';
  protected readonly navItems = NAV_ITEMS;
  protected readonly version = this.apiVersion.version;
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe([Breakpoints.XSmall, Breakpoints.Small])
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    this.apiVersion.load();
  }

  protected toggleNav(): void {
    void this.sidenav().toggle();
  }

  protected closeNavOnHandset(): void {
    if (this.isHandset()) {
      void this.sidenav().close();
    }
  }

  protected skipToMain(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }
}
