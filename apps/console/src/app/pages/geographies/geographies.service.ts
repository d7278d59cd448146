import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  GeographyResponse,
  ImportAcceptedResponse,
  ReportSummaryResponse,
  SourceFreshness,
  TradeAreaPreviewResponse,
  ZipScoreResponse,
} from '@lbi/contracts';
import { Observable } from 'rxjs';

import { API } from '../../core/api';

export interface GeographyInput {
  name: string;
  zip_codes: string[];
}

/** A ring around a ZIP (radius in miles). */
export interface RingInput {
  zip_code: string;
  radius_miles: number;
}

/** What a new geography is made of: a ZIP list, a ring or a set of counties (5-digit FIPS). */
export type NewGeographyInput =
  GeographyInput | { name: string; around: RingInput } | { name: string; counties: string[] };

/** What GET /trade-areas/preview is asked: a ring or a county set. */
export type TradeAreaQuery = { ring: RingInput } | { counties: string[] };

/** Data service of the geographies pages. */
@Injectable({ providedIn: 'root' })
export class GeographiesService {
  private readonly http = inject(HttpClient);
  private readonly base = `${API}/geographies`;

  list(): Observable<GeographyResponse[]> {
    return this.http.get<GeographyResponse[]>(this.base);
  }

  get(id: string): Observable<GeographyResponse> {
    return this.http.get<GeographyResponse>(`${this.base}/${id}`);
  }

  create(input: NewGeographyInput): Observable<GeographyResponse> {
    return this.http.post<GeographyResponse>(this.base, input);
  }

  update(id: string, input: Partial<GeographyInput>): Observable<GeographyResponse> {
    return this.http.patch<GeographyResponse>(`${this.base}/${id}`, input);
  }

  /** The ZIPs a ring or a county set would hold; nothing is saved. */
  preview(query: TradeAreaQuery): Observable<TradeAreaPreviewResponse> {
    const params =
      'ring' in query
        ? new HttpParams()
            .set('zip_code', query.ring.zip_code)
            .set('radius_miles', String(query.ring.radius_miles))
        : new HttpParams().set('counties', query.counties.join(','));
    return this.http.get<TradeAreaPreviewResponse>(`${API}/trade-areas/preview`, { params });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  freshness(id: string): Observable<SourceFreshness[]> {
    return this.http.get<SourceFreshness[]>(`${this.base}/${id}/freshness`);
  }

  refreshCensus(id: string): Observable<ImportAcceptedResponse> {
    return this.http.post<ImportAcceptedResponse>(`${this.base}/${id}/refresh-census`, null);
  }

  scores(id: string, category: string): Observable<ZipScoreResponse[]> {
    return this.http.get<ZipScoreResponse[]>(`${this.base}/${id}/scores`, {
      params: new HttpParams().set('category', category),
    });
  }

  recomputeScores(id: string, category: string): Observable<{ geography_id: string; categories: string[] }> {
    return this.http.post<{ geography_id: string; categories: string[] }>(
      `${this.base}/${id}/recompute-scores`,
      null,
      { params: new HttpParams().set('category', category) },
    );
  }

  /** The geography's reports, newest first (the reports page lists every geography's). */
  reports(id: string): Observable<ReportSummaryResponse[]> {
    return this.http.get<ReportSummaryResponse[]>(`${API}/reports`, {
      params: new HttpParams().set('geography_id', id),
    });
  }
}
