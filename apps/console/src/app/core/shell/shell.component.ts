import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { ApiVersionService } from '../api-version.service';
import { ClientsService } from '../clients.service';
import { ROLE_LABELS, label } from '../labels';
import { SessionService } from '../session.service';
import { NAV_ITEMS } from './nav-items';
import { TenantPickerComponent } from './tenant-picker.component';

/** The signed-in frame: toolbar (tenant, user), navigation by role, the routed page, footer. */
@Component({
  selector: 'lbi-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TenantPickerComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly apiVersion = inject(ApiVersionService);
  private readonly session = inject(SessionService);
  private readonly clients = inject(ClientsService);
  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly productName = 'Local Buyer Intelligence';
  protected readonly version = this.apiVersion.version;
  protected readonly user = this.session.user;
  protected readonly isPlatformAdmin = this.session.isPlatformAdmin;
  protected readonly actingClient = this.session.actingClient;
  protected readonly tenantKey = computed(() => this.session.tenantId() ?? 'none');
  protected readonly roleLabel = computed(() =>
    this.isPlatformAdmin() ? 'Platform admin' : label(ROLE_LABELS, this.user()?.role),
  );
  /** A tenant user's own tenant, by name. */
  protected readonly tenantName = computed(() => {
    const id = this.user()?.client_id;
    return this.clients.clients()?.find((client) => client.id === id)?.name ?? null;
  });
  protected readonly navItems = computed(() => {
    const role = this.user()?.role;
    const platform = this.isPlatformAdmin();
    const inTenant = !platform || this.actingClient() !== null;
    return NAV_ITEMS.filter(
      (item) =>
        (!item.roles || (role !== undefined && item.roles.includes(role))) &&
        (!item.platformOnly || platform) &&
        (!item.tenant || inTenant),
    );
  });
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe([Breakpoints.XSmall, Breakpoints.Small])
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    this.apiVersion.load();
    // The toolbar names the tenant; a failure only leaves the name out.
    this.clients.load().subscribe({ error: () => undefined });
  }

  protected signOut(): void {
    this.clients.forget();
    this.session.signOut();
  }

  protected toggleNav(): void {
    void this.sidenav().toggle();
  }

  protected closeNavOnHandset(): void {
    if (this.isHandset()) void this.sidenav().close();
  }

  protected skipToMain(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }
}
