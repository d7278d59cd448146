import { Routes } from '@angular/router';

import { PRODUCT } from '../../core/product';

export const REPORT_ROUTES: Routes = [
  {
    path: '',
    title: `Reports · ${PRODUCT}`,
    loadComponent: () => import('./reports-list.page').then((m) => m.ReportsListPage),
  },
  {
    path: ':id',
    title: `Report · ${PRODUCT}`,
    loadComponent: () => import('./report-view.page').then((m) => m.ReportViewPage),
  },
];
