import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { IngestionRunWithDetails } from '@lbi/contracts';
import { Observable } from 'rxjs';

import { API } from '../core/api';
import { pollUntilFinished } from '../core/api-files';

export interface RunFilter {
  geography_id?: string;
  status?: string;
  source_type?: string;
  limit?: number;
}

/** Ingestion runs (imports and Census refreshes): lists, one run, and a run followed live. */
@Injectable({ providedIn: 'root' })
export class RunsService {
  private readonly http = inject(HttpClient);

  list(filter: RunFilter = {}): Observable<IngestionRunWithDetails[]> {
    let params = new HttpParams().set('limit', String(filter.limit ?? 200));
    for (const key of ['geography_id', 'status', 'source_type'] as const) {
      const value = filter[key];
      if (value) params = params.set(key, value);
    }
    return this.http.get<IngestionRunWithDetails[]>(`${API}/ingestion-runs`, { params });
  }

  get(id: string): Observable<IngestionRunWithDetails> {
    return this.http.get<IngestionRunWithDetails>(`${API}/ingestion-runs/${id}`);
  }

  /** The run every second until it succeeds or fails (the last emission is the finished run). */
  watch(id: string): Observable<IngestionRunWithDetails> {
    return pollUntilFinished(() => this.get(id));
  }
}
