import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Role, type ClientResponse, type LoginResponse, type UserResponse } from '@lbi/contracts';
import { Observable, map } from 'rxjs';

import { API } from './api';

/** What the console keeps of a sign-in: in memory, mirrored to sessionStorage (never localStorage). */
interface StoredSession {
  readonly token: string;
  /** Epoch milliseconds at which the API stops accepting the token. */
  readonly expiresAt: number;
  readonly user: UserResponse;
  /** The platform admin's chosen tenant (sent as X-Client-Id); null for everyone else. */
  readonly actingClient: Pick<ClientResponse, 'id' | 'name'> | null;
}

const STORAGE_KEY = 'lbi.session';

export type SignOutReason = 'signed-out' | 'expired' | 'revoked';

/**
 * The signed-in user, its token and (for the platform admin) the tenant it acts in. sessionStorage
 * keeps a reload signed in, and ends with the tab; the token never goes to localStorage or a cookie.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly state = signal<StoredSession | null>(readStored());
  private readonly noticeState = signal<string | null>(null);
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  readonly user = computed(() => this.state()?.user ?? null);
  readonly token = computed(() => this.state()?.token ?? null);
  readonly signedIn = computed(() => this.state() !== null);
  readonly isPlatformAdmin = computed(() => {
    const user = this.user();
    return user !== null && user.role === Role.Admin && user.client_id === null;
  });
  readonly actingClient = computed(() => this.state()?.actingClient ?? null);
  /** The tenant requests act in: the user's own, or the platform admin's pick (null until it picks). */
  readonly tenantId = computed(() =>
    this.isPlatformAdmin() ? (this.actingClient()?.id ?? null) : (this.user()?.client_id ?? null),
  );
  /** Admins and analysts change tenant data; the client role only reads. */
  readonly canWrite = computed(() => {
    const role = this.user()?.role;
    return role === Role.Admin || role === Role.Analyst;
  });
  readonly canManageUsers = computed(() => this.user()?.role === Role.Admin);
  /** Why the user was sent to sign-in (expired or revoked token), shown there once. */
  readonly notice = this.noticeState.asReadonly();

  constructor() {
    this.scheduleExpiry();
  }

  signIn(email: string, password: string): Observable<UserResponse> {
    return this.http.post<LoginResponse>(`${API}/auth/login`, { email, password }).pipe(
      map((answer) => {
        this.store({
          token: answer.access_token,
          expiresAt: Date.now() + answer.expires_in * 1000,
          user: answer.user,
          actingClient: null,
        });
        this.noticeState.set(null);
        return answer.user;
      }),
    );
  }

  signOut(): void {
    this.store(null);
    void this.router.navigateByUrl('/sign-in');
  }

  /**
   * The API refused the token (expired, or the account was deactivated): forget it and send the user
   * to sign-in with the reason, returning to `returnUrl` afterwards.
   */
  endSession(reason: Exclude<SignOutReason, 'signed-out'>, returnUrl: string, apiMessage?: string): void {
    if (this.state() === null && this.noticeState() !== null) return; // several requests failed at once
    this.store(null);
    this.noticeState.set(
      reason === 'expired'
        ? 'Your session has expired. Sign in again to continue where you were.'
        : `${apiMessage ?? 'Your sign-in is no longer valid'}. Sign in again to continue.`,
    );
    const onSignIn = returnUrl.startsWith('/sign-in');
    void this.router.navigate(['/sign-in'], onSignIn ? {} : { queryParams: { returnUrl } });
  }

  clearNotice(): void {
    this.noticeState.set(null);
  }

  /** The platform admin picks the tenant it acts in; every later request carries it as X-Client-Id. */
  actIn(client: Pick<ClientResponse, 'id' | 'name'> | null): void {
    const current = this.state();
    if (current && this.isPlatformAdmin()) this.store({ ...current, actingClient: client });
  }

  isExpired(now = Date.now()): boolean {
    const current = this.state();
    return current !== null && current.expiresAt <= now;
  }

  private store(next: StoredSession | null): void {
    this.state.set(next);
    try {
      if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage refused (private mode, quota): the session lives in memory for this page only.
    }
    this.scheduleExpiry();
  }

  /** Sends the user to sign-in the moment the token expires, rather than at the next failed request. */
  private scheduleExpiry(): void {
    clearTimeout(this.expiryTimer);
    const current = this.state();
    if (!current) return;
    // setTimeout holds at most ~24.8 days; tokens live far shorter.
    const delay = Math.min(Math.max(current.expiresAt - Date.now(), 0), 2_000_000_000);
    this.expiryTimer = setTimeout(() => {
      // Before the first navigation the router's url is still '/': take the address bar's.
      const url = this.router.navigated ? this.router.url : `${location.pathname}${location.search}`;
      this.endSession('expired', url);
    }, delay);
  }
}

function readStored(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.token !== 'string' || typeof parsed.expiresAt !== 'number' || !parsed.user) return null;
    return {
      token: parsed.token,
      expiresAt: parsed.expiresAt,
      user: parsed.user,
      actingClient: parsed.actingClient ?? null,
    };
  } catch {
    return null;
  }
}
