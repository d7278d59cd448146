import { Routes } from '@angular/router';

import { PRODUCT } from '../../core/product';

export const SCAN_ROUTES: Routes = [
  {
    path: '',
    title: `Scans · ${PRODUCT}`,
    loadComponent: () => import('./scans-list.page').then((m) => m.ScansListPage),
  },
  {
    path: ':id',
    title: `Scan · ${PRODUCT}`,
    loadComponent: () => import('./scan-view.page').then((m) => m.ScanViewPage),
  },
];
