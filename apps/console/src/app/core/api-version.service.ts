import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { catchError, map, of, timeout } from 'rxjs';

interface OpenApiInfo {
  info?: { version?: unknown };
}

/**
 * The API's version, read once from its public OpenAPI document (`info.version`). Stays null when the
 * API cannot be reached or does not state a version: the footer then simply omits it.
 */
@Injectable({ providedIn: 'root' })
export class ApiVersionService {
  private readonly http = inject(HttpClient);
  private readonly versionSignal = signal<string | null>(null);
  private requested = false;

  readonly version = this.versionSignal.asReadonly();

  load(): void {
    if (this.requested) {
      return;
    }
    this.requested = true;
    this.http
      .get<OpenApiInfo>('/api/v1/openapi.json')
      .pipe(
        timeout(10_000),
        map((doc) => doc.info?.version),
        map((version) => (typeof version === 'string' && version.trim() !== '' ? version.trim() : null)),
        catchError(() => {
          this.requested = false; // try again on the next load()
          return of(null);
        }),
      )
      .subscribe((version) => this.versionSignal.set(version));
  }
}
