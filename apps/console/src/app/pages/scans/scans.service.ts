import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { GeographyResponse, ScanResponse, ScanSummaryResponse } from '@lbi/contracts';
import { Observable, map, switchMap, takeWhile, timer } from 'rxjs';

import { API, POLL_INTERVAL_MS } from '../../core/api';

export type ScanExportFormat = 'json' | 'csv' | 'pdf';

export interface ScanFile {
  readonly blob: Blob;
  readonly filename: string;
}

export interface NewScan {
  category: string;
  /** A state's abbreviation, or `US` for the nation. */
  state: string;
  limit: number;
}

const isFinished = (status: string) => status === 'success' || status === 'failed';

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
    return timer(0, POLL_INTERVAL_MS).pipe(
      switchMap(() => this.get(id)),
      takeWhile((scan) => !isFinished(scan.status), true),
    );
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
  export(id: string, format: ScanExportFormat): Observable<ScanFile> {
    return this.http
      .get(`${this.base}/${id}/export`, {
        params: new HttpParams().set('format', format),
        observe: 'response',
        responseType: 'blob',
      })
      .pipe(map((response) => ({ blob: response.body as Blob, filename: fileName(response, id, format) })));
  }
}

function fileName(response: HttpResponse<Blob>, id: string, format: ScanExportFormat): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return match?.[1] ?? `scan-${id}.${format}`;
}
