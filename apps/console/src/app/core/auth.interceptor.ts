import { HttpErrorResponse, HttpInterceptorFn, HttpStatusCode } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { CLIENT_ID_HEADER } from '@lbi/contracts';
import { catchError, throwError } from 'rxjs';

import { API } from './api';
import { apiMessage } from './api-error';
import { SessionService } from './session.service';

const LOGIN_URL = `${API}/auth/login`;

/**
 * Adds the bearer token (and the platform admin's tenant as X-Client-Id) to API requests, and turns a
 * 401 on any of them into a trip to sign-in that comes back to the current page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionService);
  const router = inject(Router);
  if (!request.url.startsWith(API) || request.url === LOGIN_URL) return next(request);
  const token = session.token();
  if (!token) return next(request);
  const tenant = session.isPlatformAdmin() ? session.actingClient() : null;
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (tenant) headers[CLIENT_ID_HEADER] = tenant.id;
  return next(request.clone({ setHeaders: headers })).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === HttpStatusCode.Unauthorized) {
        const message = apiMessage(error.error) ?? '';
        const expired = /expired/i.test(message) || session.isExpired();
        session.endSession(expired ? 'expired' : 'revoked', router.url, message.replace(/[.;].*$/, ''));
      }
      return throwError(() => error);
    }),
  );
};
