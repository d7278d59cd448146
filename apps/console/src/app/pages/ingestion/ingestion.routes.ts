import { Routes } from '@angular/router';

import { PRODUCT } from '../../core/product';

export const INGESTION_ROUTES: Routes = [
  {
    path: '',
    title: `Data imports · ${PRODUCT}`,
    loadComponent: () => import('./ingestion.page').then((m) => m.IngestionPage),
  },
];
