import { displayState, type TakedownRecord } from '../shared/model.ts';
import type { ItemAnnotation } from '../shared/messages.ts';
import { latestByItems, countBySellers } from '../shared/db/requests.ts';
import { getPause } from '../shared/db/kv.ts';
import type { RequestOf, ResponseOf } from '../shared/messages.ts';

export function annotationFor(r: TakedownRecord, paused: boolean): ItemAnnotation {
  return {
    marketplace: r.listing.marketplace,
    itemId: r.listing.itemId,
    clientRequestId: r.clientRequestId,
    state: displayState(r, paused),
    slaDueAt: r.slaDueAt,
    caseId: r.caseId,
  };
}

/** The same key as `sellerKey` in model.ts, from a seller the page named. */
const keyOfSeller = (s: { marketplace: string; sellerId: string | null; sellerName: string }) => `${s.marketplace}:${s.sellerId ?? s.sellerName}`;

/**
 * One batched answer for a page (or a scroll batch): which items have requests, and how many
 * requests each seller has, for the sellers the page named and those of the items found.
 */
export async function lookup(payload: RequestOf<'lookup'>): Promise<ResponseOf<'lookup'>> {
  const keys = payload.items.map((i) => `${i.marketplace}:${i.itemId}`);
  const [found, paused] = await Promise.all([latestByItems(keys), getPause()]);
  const records = [...found.values()];
  const sellers = [...(payload.sellers ?? []).map(keyOfSeller), ...records.map((r) => r.sellerKey)];
  const sellerCounts = await countBySellers(sellers);
  return { annotations: records.map((r) => annotationFor(r, paused !== null)), sellerCounts };
}
