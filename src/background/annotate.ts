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

/** One batched answer for a page (or a scroll batch): which items have requests, and sellers' counts. */
export async function lookup(payload: RequestOf<'lookup'>): Promise<ResponseOf<'lookup'>> {
  const keys = payload.items.map((i) => `${i.marketplace}:${i.itemId}`);
  const [found, paused] = await Promise.all([latestByItems(keys), getPause()]);
  const records = [...found.values()];
  const sellerCounts = await countBySellers(records.map((r) => r.sellerKey));
  return { annotations: records.map((r) => annotationFor(r, paused !== null)), sellerCounts };
}
