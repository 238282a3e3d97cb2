import type { TakedownRecord } from '../../shared/model.ts';
import type { TakedownSubmission } from '../../shared/api/schemas.ts';
import { MAX_BATCH, MAX_JSON_BYTES } from '../../shared/api/schemas.ts';

/** Requests ready to go into a new batch at `now`: queued, due, and not already in a batch. */
export function dueForBatch(records: TakedownRecord[], now: number): TakedownRecord[] {
  return records
    .filter((r) => r.outbox.state === 'queued' && r.outbox.batchId === null && r.outbox.nextAttemptAt <= now)
    .sort((a, b) => a.flaggedAt.localeCompare(b.flaggedAt));
}

/** When the next queued request becomes due (for the wake-up alarm), or null. */
export function nextDueAt(records: TakedownRecord[]): number | null {
  const times = records.filter((r) => r.outbox.state === 'queued').map((r) => r.outbox.nextAttemptAt);
  return times.length ? Math.min(...times) : null;
}

/** The wire form of a stored request: exactly what the API's POST /v1/takedowns takes. */
export function toSubmission(r: TakedownRecord): TakedownSubmission {
  const l = r.listing;
  return {
    clientRequestId: r.clientRequestId,
    marketplace: l.marketplace,
    listing: {
      url: l.url,
      itemId: l.itemId,
      skuId: l.skuId,
      title: l.title,
      price: l.price,
      imageUrls: l.imageUrls,
      seller: { name: l.seller.name, id: l.seller.id, shopUrl: l.seller.shopUrl },
    },
    ipRightId: r.ipRightId,
    reason: r.reason,
    note: r.note,
    evidence: r.evidence,
    flaggedAt: r.flaggedAt,
  };
}

/**
 * Takes the first requests that fit in one call: at most 100, and at most 1 MiB of JSON.
 * Returns the exact body to store and resend; an empty pick means nothing is due.
 */
export function buildBatch(due: TakedownRecord[]): { picked: TakedownRecord[]; body: string } {
  const picked: TakedownRecord[] = [];
  const parts: string[] = [];
  let size = '{"requests":[]}'.length;
  const encoder = new TextEncoder();
  for (const r of due) {
    if (picked.length >= MAX_BATCH) break;
    const part = JSON.stringify(toSubmission(r));
    const partBytes = encoder.encode(part).length + 1;
    if (picked.length > 0 && size + partBytes > MAX_JSON_BYTES) break;
    picked.push(r);
    parts.push(part);
    size += partBytes;
  }
  return { picked, body: `{"requests":[${parts.join(',')}]}` };
}
