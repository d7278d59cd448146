import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Role, UserResponse } from '@lbi/contracts';
import { Observable } from 'rxjs';

import { API } from '../../core/api';

/** Users of the tenant (tenants themselves: core ClientsService, shared with the tenant picker). */
@Injectable({ providedIn: 'root' })
export class AdminService {
  private readonly http = inject(HttpClient);

  users(): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>(`${API}/users`);
  }

  createUser(input: { email: string; password: string; role: Role }): Observable<UserResponse> {
    return this.http.post<UserResponse>(`${API}/users`, input);
  }

  updateUser(id: string, change: { role?: Role; is_active?: boolean }): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`${API}/users/${id}`, change);
  }
}
