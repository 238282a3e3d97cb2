// Pure helpers over stored requests for the popup's list and summary.
import type { TakedownRecord } from '../shared/model.ts';
import { normaliseSpace } from '../shared/text.ts';

/** Not yet accepted by the service: what "Send now" has to send. */
export function countQueued(records: readonly TakedownRecord[]): number {
  return records.filter((r) => r.outbox.state === 'queued' || r.outbox.state === 'sending' || r.outbox.state === 'attention').length;
}

const fold = (s: string) => normaliseSpace(s).toLocaleLowerCase();

/** Rows whose item id, title or seller name contains every word of the query. */
export function filterRecords<T extends Pick<TakedownRecord, 'listing'>>(records: readonly T[], query: string): T[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...records];
  return records.filter((r) => {
    const hay = fold(`${r.listing.itemId} ${r.listing.title} ${r.listing.seller.name}`);
    return words.every((w) => hay.includes(w));
  });
}

/** Rendering cost stays flat however long the history grows; the search narrows it down. */
export const ROW_CAP = 200;
