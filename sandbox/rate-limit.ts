// Per-token rate limit over a sliding one-second window. It runs on the real
// monotonic clock, not the sandbox's injectable one: a test with a frozen clock
// would otherwise see every call in "the same second".

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly perSecond: number, private readonly clock: () => number = () => performance.now()) {}

  /** Records the call and returns true if it is within the limit. Limit 0 or less disables it. */
  allow(token: string): boolean {
    if (!(this.perSecond > 0) || !Number.isFinite(this.perSecond)) return true;
    const now = this.clock();
    const recent = (this.hits.get(token) ?? []).filter((t) => now - t < 1000);
    // Refused calls are not counted, so a client that waits Retry-After gets through.
    const ok = recent.length < this.perSecond;
    if (ok) recent.push(now);
    this.hits.set(token, recent);
    return ok;
  }
}
