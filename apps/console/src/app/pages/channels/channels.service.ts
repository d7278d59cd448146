import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChannelResponse, GeographyResponse } from '@lbi/contracts';
import { Observable } from 'rxjs';

import { API } from '../../core/api';

/** The writable fields of a channel (`null` clears an optional one on PATCH). */
export interface ChannelInput {
  geography_id: string;
  channel_type: string;
  name: string;
  city?: string;
  state?: string;
  zip_code?: string | null;
  estimated_reach?: number | null;
  website?: string | null;
  notes?: string | null;
  source_url?: string | null;
}

/** Data service of the channels page. */
@Injectable({ providedIn: 'root' })
export class ChannelsService {
  private readonly http = inject(HttpClient);
  private readonly base = `${API}/channels`;

  list(filter: { geography_id?: string; channel_type?: string } = {}): Observable<ChannelResponse[]> {
    let params = new HttpParams();
    if (filter.geography_id) params = params.set('geography_id', filter.geography_id);
    if (filter.channel_type) params = params.set('channel_type', filter.channel_type);
    return this.http.get<ChannelResponse[]>(this.base, { params });
  }

  create(input: ChannelInput): Observable<ChannelResponse> {
    return this.http.post<ChannelResponse>(this.base, input);
  }

  update(id: string, input: Partial<ChannelInput>): Observable<ChannelResponse> {
    return this.http.patch<ChannelResponse>(`${this.base}/${id}`, input);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  geographies(): Observable<GeographyResponse[]> {
    return this.http.get<GeographyResponse[]>(`${API}/geographies`);
  }
}
