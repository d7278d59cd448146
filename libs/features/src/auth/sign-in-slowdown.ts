// Failed sign-ins per email address, from any IP: past a threshold every further attempt for that
// address waits a little longer before it is checked. Slowing down (rather than refusing) means an
// attacker spraying wrong passwords at someone's address from many IPs cannot lock the real user out;
// the hard limits (429) are per IP and per (email, IP) pair.

const WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

export class SignInSlowdown {
  private readonly failures = new Map<string, number[]>();

  constructor(
    /** Failures within a minute before attempts start to wait. */
    private readonly freeFailures: number,
    private readonly baseDelayMs = 250,
    private readonly maxDelayMs = 4000,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long an attempt for `key` waits now. */
  delayFor(key: string): number {
    const recent = this.recent(key);
    const excess = recent.length - this.freeFailures;
    if (excess < 0) return 0;
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** excess);
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    if (!this.failures.has(key) && this.failures.size >= MAX_TRACKED) this.prune();
    this.failures.set(key, recent);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    const since = this.now() - WINDOW_MS;
    for (const [key, times] of this.failures) {
      if (!times.some((at) => at > since)) this.failures.delete(key);
    }
    // Still full of live entries: forget the oldest half rather than grow without bound.
    if (this.failures.size >= MAX_TRACKED) {
      [...this.failures.keys()].slice(0, MAX_TRACKED / 2).forEach((key) => this.failures.delete(key));
    }
  }
}
