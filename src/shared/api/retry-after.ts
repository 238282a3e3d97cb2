/**
 * `Retry-After` is either delay-seconds or an HTTP date (RFC 9110). Returns milliseconds
 * from `now`, or null when absent or unreadable (then the caller's own backoff applies).
 * A date in the past means "now"; absurd values are capped at a day.
 */
const MAX_MS = 24 * 3600 * 1000;

export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+$/.test(v)) return Math.min(Number(v) * 1000, MAX_MS);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), MAX_MS);
}
