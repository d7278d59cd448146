import { Routes } from '@angular/router';

const PRODUCT = 'Local Buyer Intelligence';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'status' },
  {
    path: 'status',
    title: `System status · ${PRODUCT}`,
    loadComponent: () => import('./pages/status/status.page').then((m) => m.StatusPage),
  },
  {
    path: '**',
    title: `Page not found · ${PRODUCT}`,
    loadComponent: () => import('./pages/not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
