import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { RunStatus } from '@lbi/contracts';
import { Observable, map, switchMap, takeWhile, timer } from 'rxjs';

import { POLL_INTERVAL_MS } from './api';

/** The formats a stored report or scan exports to. */
export type ExportFormat = 'json' | 'csv' | 'pdf';

/** A file the API sent, with the name it gave it. */
export interface ApiFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** GET `<resource>/export?format=…` as a file named by its Content-Disposition (else `fallback.format`). */
export function fetchExport(
  http: HttpClient,
  resource: string,
  format: ExportFormat,
  fallback: string,
): Observable<ApiFile> {
  return http
    .get(`${resource}/export`, {
      params: new HttpParams().set('format', format),
      observe: 'response',
      responseType: 'blob',
    })
    .pipe(
      map((response) => ({
        blob: response.body as Blob,
        filename: fileName(response) ?? `${fallback}.${format}`,
      })),
    );
}

function fileName(response: HttpResponse<Blob>): string | undefined {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}

/** Whether a run, report or scan has ended (RunStatus and ReportStatus have the same values). */
export const isFinished = (status: string): boolean =>
  status === RunStatus.Success || status === RunStatus.Failed;

/** `fetch` every POLL_INTERVAL_MS until what it answers has finished, that last answer included. */
export function pollUntilFinished<T extends { status: string }>(fetch: () => Observable<T>): Observable<T> {
  return timer(0, POLL_INTERVAL_MS).pipe(
    switchMap(fetch),
    takeWhile((item) => !isFinished(item.status), true),
  );
}
