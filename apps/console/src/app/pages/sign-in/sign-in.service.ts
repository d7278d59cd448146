import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DemoInfoResponse } from '@lbi/contracts';
import { Observable, catchError, map, of } from 'rxjs';

import { API } from '../../core/api';

/** Data of the sign-in page besides the sign-in itself (SessionService): the demo logins. */
@Injectable({ providedIn: 'root' })
export class SignInService {
  private readonly http = inject(HttpClient);

  /** The demo tenant's logins in demo mode; null otherwise (the API answers 204 outside it). */
  demoInfo(): Observable<DemoInfoResponse | null> {
    return this.http.get<DemoInfoResponse | null>(`${API}/demo`).pipe(
      map((info) => (info && Array.isArray(info.accounts) ? info : null)),
      catchError(() => of(null)),
    );
  }
}
