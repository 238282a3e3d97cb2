/** How tall a full-page screenshot may get: long pages are cut, and the manifest says so. */
export const FULL_PAGE_LIMITS = { maxViewports: 12, maxDevicePx: 16_384 } as const;

export interface FullPagePlan {
  /** The height the stitched image covers, CSS px from the top of the page. */
  heightCss: number;
  /** The page is taller than that. */
  truncated: boolean;
  /** The scroll positions to capture at, CSS px. */
  stops: number[];
}

/**
 * The scroll positions that cover the page from the top, one viewport apart, up to the cap
 * (a number of viewports, and a device-pixel height a canvas and a viewer can take).
 */
export function planFullPage(
  page: { pageHeight: number; viewportHeight: number; devicePixelRatio: number },
  limits: { maxViewports: number; maxDevicePx: number } = FULL_PAGE_LIMITS,
): FullPagePlan {
  const vh = Math.max(1, Math.floor(page.viewportHeight));
  const cap = Math.min(limits.maxViewports * vh, Math.floor(limits.maxDevicePx / Math.max(page.devicePixelRatio, 0.1)));
  const heightCss = Math.max(0, Math.min(Math.ceil(page.pageHeight), cap));
  const stops: number[] = [];
  for (let y = 0; y < heightCss; y += vh) stops.push(y);
  return { heightCss, truncated: page.pageHeight > heightCss, stops };
}

/** A part of one viewport capture that goes into the stitched image, CSS px. */
export interface Slice {
  /** Top of the part within the capture. */
  srcTop: number;
  /** Where it goes in the page (and the stitched image). */
  destTop: number;
  height: number;
}

/**
 * The part of the page between `stop` and the next stop, as found in a capture taken at
 * `scrollY` (the browser clamps the last scroll, so the part sits lower in that capture).
 * Null when the capture does not show it (the page changed under us).
 */
export function sliceAt(stop: number, scrollY: number, viewportHeight: number, heightCss: number): Slice | null {
  const srcTop = stop - scrollY;
  if (srcTop < 0 || srcTop >= viewportHeight) return null;
  const height = Math.min(viewportHeight, heightCss - stop, viewportHeight - srcTop);
  return height > 0 ? { srcTop, destTop: stop, height } : null;
}

export interface DeviceCrop {
  sy: number;
  dy: number;
  height: number;
}

/**
 * CSS px to the capture's device pixels. `scale` is measured (capture height ÷ viewport
 * height), not assumed from devicePixelRatio: page zoom changes it too. Rounding the edges
 * (not the heights) keeps neighbouring slices seamless.
 */
export function toDevice(slice: Slice, scale: number): DeviceCrop {
  const sy = Math.round(slice.srcTop * scale);
  const dy = Math.round(slice.destTop * scale);
  const height = Math.round((slice.destTop + slice.height) * scale) - dy;
  return { sy, dy, height };
}
