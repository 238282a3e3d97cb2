import { describe, expect, it } from 'vitest';
import { planFullPage, sliceAt, toDevice } from './full-page-plan.ts';

describe('full-page capture plan', () => {
  it('covers a page two and a half viewports tall with three captures, the last one clamped by the browser', () => {
    const plan = planFullPage({ pageHeight: 2250, viewportHeight: 900, devicePixelRatio: 1 });
    expect(plan).toEqual({ heightCss: 2250, truncated: false, stops: [0, 900, 1800] });
    // The browser scrolls to 1350 at most (2250 - 900): the last part is the capture's bottom 450 px.
    expect(sliceAt(1800, 1350, 900, 2250)).toEqual({ srcTop: 450, destTop: 1800, height: 450 });
    expect(sliceAt(900, 900, 900, 2250)).toEqual({ srcTop: 0, destTop: 900, height: 900 });
  });

  it('needs a single capture for a page that fits the viewport', () => {
    expect(planFullPage({ pageHeight: 700, viewportHeight: 900, devicePixelRatio: 2 }).stops).toEqual([0]);
  });

  it('cuts a very long page at twelve viewports and says so', () => {
    const plan = planFullPage({ pageHeight: 50_000, viewportHeight: 900, devicePixelRatio: 1 });
    expect(plan.heightCss).toBe(10_800);
    expect(plan.stops).toHaveLength(12);
    expect(plan.truncated).toBe(true);
  });

  it('cuts at 16384 device pixels on a high-density screen', () => {
    const plan = planFullPage({ pageHeight: 50_000, viewportHeight: 900, devicePixelRatio: 2 });
    expect(plan.heightCss).toBe(8192);
    expect(plan.stops).toEqual([0, 900, 1800, 2700, 3600, 4500, 5400, 6300, 7200, 8100]);
    expect(sliceAt(8100, 8100, 900, 8192)).toEqual({ srcTop: 0, destTop: 8100, height: 92 });
    expect(toDevice({ srcTop: 0, destTop: 8100, height: 92 }, 2)).toEqual({ sy: 0, dy: 16_200, height: 184 });
  });

  it('finds no part in a capture that does not show it (the page did not scroll)', () => {
    expect(sliceAt(900, 0, 900, 2000)).toBeNull();
  });

  it('maps CSS px to device px without gaps between neighbouring parts at fractional scales', () => {
    const a = toDevice({ srcTop: 0, destTop: 0, height: 333 }, 1.5);
    const b = toDevice({ srcTop: 0, destTop: 333, height: 333 }, 1.5);
    expect(a.dy + a.height).toBe(b.dy);
  });
});
