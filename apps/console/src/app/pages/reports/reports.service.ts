import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { GeographyResponse, ReportResponse, ReportSummaryResponse } from '@lbi/contracts';
import { Observable, map, switchMap, takeWhile, timer } from 'rxjs';

import { API, POLL_INTERVAL_MS } from '../../core/api';

export type ExportFormat = 'json' | 'csv' | 'pdf';

export interface ReportFile {
  readonly blob: Blob;
  readonly filename: string;
}

const isFinishedReport = (status: string) => status === 'success' || status === 'failed';

/** Data service of the reports pages. */
@Injectable({ providedIn: 'root' })
export class ReportsService {
  private readonly http = inject(HttpClient);
  private readonly base = `${API}/reports`;

  list(filter: { geography_id?: string; category?: string } = {}): Observable<ReportSummaryResponse[]> {
    let params = new HttpParams();
    if (filter.geography_id) params = params.set('geography_id', filter.geography_id);
    if (filter.category) params = params.set('category', filter.category);
    return this.http.get<ReportSummaryResponse[]>(this.base, { params });
  }

  get(id: string): Observable<ReportResponse> {
    return this.http.get<ReportResponse>(`${this.base}/${id}`);
  }

  /** The report every second until it is finished or failed. */
  watch(id: string): Observable<ReportResponse> {
    return timer(0, POLL_INTERVAL_MS).pipe(
      switchMap(() => this.get(id)),
      takeWhile((report) => !isFinishedReport(report.status), true),
    );
  }

  generate(geographyId: string, category: string): Observable<{ id: string; status: string }> {
    return this.http.post<{ id: string; status: string }>(this.base, { geography_id: geographyId, category });
  }

  geographies(): Observable<GeographyResponse[]> {
    return this.http.get<GeographyResponse[]>(`${API}/geographies`);
  }

  /** The report's geography, for the map (its ZCTAs' positions). */
  geography(id: string): Observable<GeographyResponse> {
    return this.http.get<GeographyResponse>(`${API}/geographies/${id}`);
  }

  /** The export file with the name the API gives it. */
  export(id: string, format: ExportFormat): Observable<ReportFile> {
    return this.http
      .get(`${this.base}/${id}/export`, {
        params: new HttpParams().set('format', format),
        observe: 'response',
        responseType: 'blob',
      })
      .pipe(map((response) => ({ blob: response.body as Blob, filename: fileName(response, id, format) })));
  }
}

function fileName(response: HttpResponse<Blob>, id: string, format: ExportFormat): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return match?.[1] ?? `report-${id}.${format}`;
}
