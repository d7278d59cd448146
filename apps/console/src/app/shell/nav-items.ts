/** Side-nav entries: only pages that exist (see app.routes.ts). */
export interface NavItem {
  readonly path: string;
  readonly label: string;
  /** Name of an icon registered in icons.ts. */
  readonly icon: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/status', label: 'System status', icon: 'lbi-status' },
];
