import { describe, expect, it } from 'vitest';
import { waitBeforeCall } from './call-pacer.ts';

describe('spacing our calls within the rate limit', () => {
  const T = 1_000_000;
  it('lets calls through while fewer than the limit were made in the last second', () => {
    expect(waitBeforeCall([], T, 20)).toBe(0);
    expect(waitBeforeCall(Array.from({ length: 19 }, (_, i) => T - 900 + i), T, 20)).toBe(0);
  });
  it('waits until the oldest of the last `limit` calls is a second old', () => {
    const recent = Array.from({ length: 20 }, (_, i) => T - 500 + i * 10);
    expect(waitBeforeCall(recent, T, 20)).toBe(500);
    expect(waitBeforeCall(recent, T + 500, 20)).toBe(0);
  });
  it('forgets calls older than a second', () => {
    expect(waitBeforeCall(Array.from({ length: 40 }, (_, i) => T - 5_000 + i), T, 20)).toBe(0);
  });
});
