import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { GeographyResponse } from '@lbi/contracts';
import { catchError, map, of } from 'rxjs';

import { API } from './api';
import { SessionService } from './session.service';

/**
 * Where `/` leads: the platform admin without a tenant to the tenants; a tenant with one geography
 * straight to it (its map and reports), otherwise to the list of geographies.
 */
export const landingGuard: CanActivateFn = () => {
  const session = inject(SessionService);
  const router = inject(Router);
  if (session.isPlatformAdmin() && !session.actingClient()) return router.createUrlTree(['/admin/tenants']);
  return inject(HttpClient)
    .get<GeographyResponse[]>(`${API}/geographies`)
    .pipe(
      map((geographies) =>
        router.createUrlTree(
          geographies.length === 1 ? ['/geographies', geographies[0].id] : ['/geographies'],
        ),
      ),
      catchError(() => of(router.createUrlTree(['/geographies']))),
    );
};
