import { Routes } from '@angular/router';
import { Role } from '@lbi/contracts';

import { accessGuard } from '../../core/guards';
import { PRODUCT } from '../../core/product';

export const GEOGRAPHY_ROUTES: Routes = [
  {
    path: '',
    title: `Geographies · ${PRODUCT}`,
    loadComponent: () => import('./geographies-list.page').then((m) => m.GeographiesListPage),
  },
  {
    path: 'new',
    title: `New geography · ${PRODUCT}`,
    canActivate: [accessGuard],
    data: { roles: [Role.Admin, Role.Analyst] },
    loadComponent: () => import('./geography-form.page').then((m) => m.GeographyFormPage),
  },
  {
    path: ':id/edit',
    title: `Edit geography · ${PRODUCT}`,
    canActivate: [accessGuard],
    data: { roles: [Role.Admin, Role.Analyst] },
    loadComponent: () => import('./geography-form.page').then((m) => m.GeographyFormPage),
  },
  {
    path: ':id',
    title: `Geography · ${PRODUCT}`,
    loadComponent: () => import('./geography-detail.page').then((m) => m.GeographyDetailPage),
  },
];
