import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffDelay } from './backoff.ts';
import { parseRetryAfter } from '../../shared/api/retry-after.ts';

describe('full-jitter backoff', () => {
  it('stays within [0, min(cap, base·2^attempt)]', () => {
    for (const attempt of [0, 1, 2, 5, 10, 40]) {
      const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** attempt);
      expect(backoffDelay(attempt, () => 0)).toBe(0);
      expect(backoffDelay(attempt, () => 0.999999)).toBeLessThan(ceiling);
      expect(backoffDelay(attempt, () => 0.999999)).toBeGreaterThanOrEqual(ceiling - 1);
    }
  });
  it('never exceeds the cap however many attempts', () => {
    expect(backoffDelay(1000, () => 0.999999)).toBeLessThan(BACKOFF.capMs);
  });
  it('treats Retry-After as a floor', () => {
    expect(backoffDelay(0, () => 0, 30_000)).toBe(30_000);
    expect(backoffDelay(20, () => 0.99, 1_000)).toBeGreaterThan(1_000);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-22T06:00:00.000Z');
  it('reads delay-seconds', () => expect(parseRetryAfter('120', now)).toBe(120_000));
  it('reads an HTTP date', () => expect(parseRetryAfter('Sun, 22 Nov 2026 06:00:30 GMT', now)).toBe(30_000));
  it('takes a past date as now', () => expect(parseRetryAfter('Sun, 22 Nov 2026 05:00:00 GMT', now)).toBe(0));
  it('ignores garbage and absence', () => {
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
  });
  it('caps absurd waits at a day', () => expect(parseRetryAfter('99999999', now)).toBe(24 * 3600 * 1000));
});
