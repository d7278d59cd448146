import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CategoryResponse } from '@lbi/contracts';
import { Observable, shareReplay } from 'rxjs';

import { API } from '../core/api';

/** The service categories (GET /categories): fixed for a server's life, so asked once per page load. */
@Injectable({ providedIn: 'root' })
export class CategoriesService {
  private readonly http = inject(HttpClient);
  private cached: Observable<CategoryResponse[]> | null = null;

  list(): Observable<CategoryResponse[]> {
    this.cached ??= this.http.get<CategoryResponse[]>(`${API}/categories`).pipe(shareReplay(1));
    return this.cached;
  }
}
