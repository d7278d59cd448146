import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DemoInfoResponse } from '@lbi/contracts';
import { Observable, catchError, of } from 'rxjs';

import { API } from '../../core/api';

/** Data of the sign-in page besides the sign-in itself (SessionService): the demo logins. */
@Injectable({ providedIn: 'root' })
export class SignInService {
  private readonly http = inject(HttpClient);

  /** The demo tenant's logins in demo mode; null otherwise (the API answers 404 outside it). */
  demoInfo(): Observable<DemoInfoResponse | null> {
    return this.http.get<DemoInfoResponse>(`${API}/demo`).pipe(catchError(() => of(null)));
  }
}
