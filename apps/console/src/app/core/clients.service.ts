import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import type { ClientResponse } from '@lbi/contracts';
import { Observable, tap } from 'rxjs';

import { API } from './api';

/**
 * Tenants (clients): the platform admin's tenant picker and the tenants page share this list, so a
 * tenant created on the page shows in the picker at once.
 */
@Injectable({ providedIn: 'root' })
export class ClientsService {
  private readonly http = inject(HttpClient);
  private readonly listState = signal<readonly ClientResponse[] | null>(null);

  /** null until loaded. */
  readonly clients = this.listState.asReadonly();

  load(): Observable<ClientResponse[]> {
    return this.http.get<ClientResponse[]>(`${API}/clients`).pipe(tap((list) => this.listState.set(list)));
  }

  create(name: string): Observable<ClientResponse> {
    return this.http
      .post<ClientResponse>(`${API}/clients`, { name })
      .pipe(
        tap((created) =>
          this.listState.update((list) =>
            [...(list ?? []), created].sort((a, b) => a.name.localeCompare(b.name)),
          ),
        ),
      );
  }

  forget(): void {
    this.listState.set(null);
  }
}
