import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportAcceptedResponse, ImportKind, UploadResponse } from '@lbi/contracts';
import { Observable } from 'rxjs';

import { API } from '../../core/api';

/** Uploads a file (with progress events) and starts its import. */
@Injectable({ providedIn: 'root' })
export class ImportsService {
  private readonly http = inject(HttpClient);

  upload(file: File): Observable<HttpEvent<UploadResponse>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<UploadResponse>(`${API}/uploads`, body, {
      observe: 'events',
      reportProgress: true,
    });
  }

  start(kind: ImportKind, geographyId: string, fileRef: string): Observable<ImportAcceptedResponse> {
    const params = new HttpParams().set('geography_id', geographyId).set('file_ref', fileRef);
    return this.http.post<ImportAcceptedResponse>(`${API}/import/${kind}`, null, { params });
  }
}
