import type { ScrollState, ViewRect } from '../../shared/messages.ts';
import type { CardNote } from '../../evidence/format.ts';
import { groupCards } from './card-groups.ts';
import { shoot, type Shot, type ShotTarget } from './screenshot.ts';
import { askTab } from './tab-link.ts';

/** About two captures a second: a batch that needs more than this many goes on without the rest. */
export const MAX_CARD_SHOTS = 20;

export type CardOutcome = { ok: true; shot: Shot; note: Omit<CardNote, 'sha256'> } | { ok: false; code: 'card_not_found' | 'card_screenshot_skipped' | 'card_screenshot_failed'; detail?: string };

const scaled = (r: ViewRect, s: number): ViewRect => ({ x: Math.round(r.x * s), y: Math.round(r.y * s), width: Math.round(r.width * s), height: Math.round(r.height * s) });

/**
 * For each flagged card, a viewport capture that shows it and its rectangle there. Cards
 * that fit one viewport together share a capture; cards already on screen use `visible`.
 * The caller puts the user's scroll position back.
 */
export async function captureCards(target: ShotTarget, start: ScrollState, visible: Shot, itemIds: string[]): Promise<Map<string, CardOutcome>> {
  const out = new Map<string, CardOutcome>();
  const vh = start.viewportHeight;
  const boxes = start.cards.map((c) => ({ itemId: c.itemId, top: c.rect.y + start.scrollY, height: c.rect.height }));
  const { groups, skipped } = groupCards(boxes, { scrollY: start.scrollY, viewportHeight: vh, pageHeight: start.pageHeight, maxGroups: MAX_CARD_SHOTS });
  for (const id of skipped) out.set(id, { ok: false, code: 'card_screenshot_skipped' });

  let failure: string | null = null;
  for (const group of groups) {
    if (failure !== null) {
      for (const id of group.itemIds) out.set(id, { ok: false, code: 'card_screenshot_failed', detail: failure });
      continue;
    }
    try {
      let shot = visible;
      let state = start;
      if (group.scrollY !== start.scrollY) {
        state = await askTab(target.tabId, 'captureScroll', { y: group.scrollY, itemIds: group.itemIds });
        shot = await shoot(target);
      }
      const scale = shot.height / state.viewportHeight;
      for (const id of group.itemIds) {
        // Measured after the scroll, at the moment of the capture: lazy content may have moved it.
        const rect = state.cards.find((c) => c.itemId === id)?.rect;
        if (!rect) {
          out.set(id, { ok: false, code: 'card_not_found' });
          continue;
        }
        const fullyVisible = rect.y >= 0 && rect.y + rect.height <= state.viewportHeight && rect.x >= 0 && rect.x + rect.width <= state.viewportWidth;
        out.set(id, { ok: true, shot, note: { scrollY: state.scrollY, rectCss: rect, rectDevice: scaled(rect, scale), fullyVisible } });
      }
    } catch (err) {
      failure = (err as Error).message;
      for (const id of group.itemIds) out.set(id, { ok: false, code: 'card_screenshot_failed', detail: failure });
    }
  }
  for (const id of itemIds) if (!out.has(id)) out.set(id, { ok: false, code: 'card_not_found' });
  return out;
}
