import type { ScrollState } from '../../shared/messages.ts';
import type { FullPageNote } from '../../evidence/format.ts';
import { planFullPage, sliceAt, toDevice } from './full-page-plan.ts';
import { shoot, type Shot, type ShotTarget } from './screenshot.ts';
import { stitch, type StitchPart } from './stitch.ts';
import { askTab } from './tab-link.ts';

export interface FullPage {
  png: ArrayBuffer | null;
  note: FullPageNote;
}

/**
 * The whole page (up to the cap), captured viewport by viewport from the top and stitched.
 * `start` is the state when the capture began and `visible` the capture taken there; it is
 * reused for the stop it covers. The caller puts the user's scroll position back.
 */
export async function captureFullPage(target: ShotTarget, start: ScrollState, visible: Shot): Promise<FullPage> {
  const plan = planFullPage(start);
  const vh = start.viewportHeight;
  const base = { pageHeightCss: start.pageHeight, capturedHeightCss: plan.heightCss, viewports: plan.stops.length, truncated: plan.truncated, incomplete: false };
  if (plan.stops.length < 2) return { png: null, note: { ...base, sha256: null, sameAsViewport: true } };

  const scale = visible.height / vh;
  const maxScroll = Math.max(0, start.pageHeight - vh);
  const parts: StitchPart[] = [];
  let incomplete = false;
  for (const stop of plan.stops) {
    let shot = visible;
    let scrollY = start.scrollY;
    if (Math.min(stop, maxScroll) !== start.scrollY) {
      scrollY = (await askTab(target.tabId, 'captureScroll', { y: stop, itemIds: [] })).scrollY;
      shot = await shoot(target);
    }
    // A window resized mid-capture would stitch mismatched pieces: better no image than a false one.
    if (shot.width !== visible.width || shot.height !== visible.height) throw new Error('the window changed size during the capture');
    const slice = sliceAt(stop, scrollY, vh, plan.heightCss);
    if (slice) parts.push({ png: shot.data, crop: toDevice(slice, scale) });
    else incomplete = true;
  }
  const png = await stitch(parts, visible.width, Math.round(plan.heightCss * scale));
  return { png, note: { ...base, incomplete, sha256: null, sameAsViewport: false } };
}
