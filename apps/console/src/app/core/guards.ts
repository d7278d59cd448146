import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role } from '@lbi/contracts';

import { SessionService } from './session.service';

/** Pages behind sign-in: without a live token, go to sign-in and come back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionService);
  const router = inject(Router);
  if (session.isExpired()) {
    session.endSession('expired', state.url);
    return false;
  }
  if (!session.signedIn())
    return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  return true;
};

/** The sign-in page is for signed-out users; a signed-in one goes to its start page. */
export const signedOutGuard: CanActivateFn = () => {
  const session = inject(SessionService);
  if (session.signedIn() && !session.isExpired()) return inject(Router).createUrlTree(['/']);
  return true;
};

/**
 * A page for some roles only (`data.roles`), and, unless `data.platformOnly`, inside a tenant: the
 * platform admin picks one first. The API refuses the same things; this keeps the pages honest.
 */
export const accessGuard: CanActivateFn = (route) => {
  const session = inject(SessionService);
  const router = inject(Router);
  const roles = route.data['roles'] as readonly Role[] | undefined;
  const role = session.user()?.role;
  if (roles && (!role || !roles.includes(role))) return router.createUrlTree(['/']);
  if (route.data['platformOnly'] === true) {
    return session.isPlatformAdmin() ? true : router.createUrlTree(['/']);
  }
  if (route.data['tenant'] !== false && session.isPlatformAdmin() && !session.actingClient()) {
    return router.createUrlTree(['/admin/tenants'], { queryParams: { pick: 1 } });
  }
  return true;
};
