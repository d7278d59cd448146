import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { GeographyResponse, ScanResponse, ScanSummaryResponse } from '@lbi/contracts';
import { Observable } from 'rxjs';

import { API } from '../../core/api';
import { ApiFile, ExportFormat, fetchExport, pollUntilFinished } from '../../core/api-files';

export interface NewScan {
  category: string;
  /** A state's abbreviation, or `US` for the nation. */
  state: string;
  limit: number;
}

/** Data service of the scans pages. */
@Injectable({ providedIn: 'root' })
export class ScansService {
  private readonly http = inject(HttpClient);
  private readonly base = `${API}/scans`;

  list(): Observable<ScanSummaryResponse[]> {
    return this.http.get<ScanSummaryResponse[]>(this.base);
  }

  get(id: string): Observable<ScanResponse> {
    return this.http.get<ScanResponse>(`${this.base}/${id}`);
  }

  /** The scan every second until it is finished or failed. */
  watch(id: string): Observable<ScanResponse> {
    return pollUntilFinished(() => this.get(id));
  }

  start(scan: NewScan): Observable<{ id: string; status: string }> {
    return this.http.post<{ id: string; status: string }>(this.base, scan);
  }

  /** A geography of the scan's top ZIPs (POST /geographies with from_scan). */
  createGeography(name: string, scanId: string, top: number): Observable<GeographyResponse> {
    return this.http.post<GeographyResponse>(`${API}/geographies`, {
      name,
      from_scan: { scan_id: scanId, top },
    });
  }

  /** The export file with the name the API gives it. */
  export(id: string, format: ExportFormat): Observable<ApiFile> {
    return fetchExport(this.http, `${this.base}/${id}`, format, `scan-${id}`);
  }
}
