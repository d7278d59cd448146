import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ZipCheckResponse } from '@lbi/contracts';
import { Observable } from 'rxjs';

import { API } from '../../core/api';

/** Checks ZIP entries as a geography save would (POST /zip-codes/check); nothing is saved. */
@Injectable({ providedIn: 'root' })
export class ZipCheckService {
  private readonly http = inject(HttpClient);

  check(zipCodes: readonly string[]): Observable<ZipCheckResponse> {
    return this.http.post<ZipCheckResponse>(`${API}/zip-codes/check`, { zip_codes: zipCodes });
  }
}
