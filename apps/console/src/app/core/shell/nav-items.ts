import { Role } from '@lbi/contracts';

/** Side-nav entries, each shown only to the roles that may use its page (the API refuses the rest). */
export interface NavItem {
  readonly path: string;
  readonly label: string;
  /** Name of an icon registered in core/icons.ts. */
  readonly icon: string;
  /** Who sees it; undefined = every signed-in user. */
  readonly roles?: readonly Role[];
  /** Only the platform admin (no tenant of its own). */
  readonly platformOnly?: boolean;
  /** Needs a tenant: hidden from the platform admin until it picks one. */
  readonly tenant?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/geographies', label: 'Geographies', icon: 'lbi-map', tenant: true },
  { path: '/reports', label: 'Reports', icon: 'lbi-insights', tenant: true },
  { path: '/scans', label: 'Scans', icon: 'lbi-travel-explore', tenant: true },
  { path: '/channels', label: 'Channels', icon: 'lbi-campaign', tenant: true },
  { path: '/ingestion', label: 'Data imports', icon: 'lbi-cloud-upload', tenant: true },
  { path: '/admin/users', label: 'Users', icon: 'lbi-group', roles: [Role.Admin], tenant: true },
  { path: '/admin/tenants', label: 'Tenants', icon: 'lbi-business', platformOnly: true },
  { path: '/status', label: 'System status', icon: 'lbi-monitor-heart' },
];
