import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { GeographyResponse } from '@lbi/contracts';
import { Observable } from 'rxjs';

import { API } from '../../core/api';

/**
 * Data service of the ingestion page. Runs come from the shared RunsService and uploads from the
 * shared import flow (both also serve other pages); this adds what only this page asks for.
 */
@Injectable({ providedIn: 'root' })
export class IngestionService {
  private readonly http = inject(HttpClient);

  geographies(): Observable<GeographyResponse[]> {
    return this.http.get<GeographyResponse[]>(`${API}/geographies`);
  }
}
