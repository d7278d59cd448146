import { Routes } from '@angular/router';
import { Role } from '@lbi/contracts';

import { accessGuard, signedInGuard, signedOutGuard } from './core/guards';
import { landingGuard } from './core/landing.guard';
import { PRODUCT } from './core/product';

// Every page is lazy: the initial bundle holds only the shell, the session and sign-in's route.
export const routes: Routes = [
  {
    path: 'sign-in',
    title: `Sign in · ${PRODUCT}`,
    canActivate: [signedOutGuard],
    loadComponent: () => import('./pages/sign-in/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: '',
    // The shell is lazy too: sign-in needs none of its navigation, menus or tenant picker.
    loadComponent: () => import('./core/shell/shell.component').then((m) => m.ShellComponent),
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [landingGuard], children: [] },
      {
        path: 'geographies',
        canActivate: [accessGuard],
        loadChildren: () => import('./pages/geographies/geographies.routes').then((m) => m.GEOGRAPHY_ROUTES),
      },
      {
        path: 'reports',
        canActivate: [accessGuard],
        loadChildren: () => import('./pages/reports/reports.routes').then((m) => m.REPORT_ROUTES),
      },
      {
        path: 'scans',
        canActivate: [accessGuard],
        loadChildren: () => import('./pages/scans/scans.routes').then((m) => m.SCAN_ROUTES),
      },
      {
        path: 'channels',
        canActivate: [accessGuard],
        loadChildren: () => import('./pages/channels/channels.routes').then((m) => m.CHANNEL_ROUTES),
      },
      {
        path: 'ingestion',
        canActivate: [accessGuard],
        loadChildren: () => import('./pages/ingestion/ingestion.routes').then((m) => m.INGESTION_ROUTES),
      },
      {
        path: 'admin/tenants',
        title: `Tenants · ${PRODUCT}`,
        canActivate: [accessGuard],
        data: { platformOnly: true },
        loadComponent: () => import('./pages/admin/tenants.page').then((m) => m.TenantsPage),
      },
      {
        path: 'admin/users',
        title: `Users · ${PRODUCT}`,
        canActivate: [accessGuard],
        data: { roles: [Role.Admin] },
        loadComponent: () => import('./pages/admin/users.page').then((m) => m.UsersPage),
      },
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
    ],
  },
];
