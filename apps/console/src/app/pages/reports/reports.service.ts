import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { GeographyResponse, ReportResponse, ReportSummaryResponse } from '@lbi/contracts';
import { Observable } from 'rxjs';

import { API } from '../../core/api';
import { ApiFile, ExportFormat, fetchExport, pollUntilFinished } from '../../core/api-files';

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
    return pollUntilFinished(() => this.get(id));
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
  export(id: string, format: ExportFormat): Observable<ApiFile> {
    return fetchExport(this.http, `${this.base}/${id}`, format, `report-${id}`);
  }
}
