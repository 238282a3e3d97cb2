import type { ItemAnnotation } from '../shared/messages.ts';
import type { Listing } from '../shared/model.ts';
import { LIMITS } from '../shared/limits.ts';
import { sellerKey } from '../shared/keys.ts';

/** What changed: these items, or everything (null). */
export type Change = { items: string[] | null; selection: boolean };
type Listener = (change: Change) => void;

/**
 * The search page's state: the selection (by item id, at most one flag's worth), the
 * requests the worker knows of, and sellers' request counts. The DOM only mirrors it: a
 * checkbox a page script ticks does not select anything.
 */
export class PageState {
  readonly selected = new Map<string, Listing>();
  readonly annotations = new Map<string, ItemAnnotation>();
  readonly sellerCounts = new Map<string, number>();
  /** Cards that already have a request and that the user chose to flag again. */
  readonly again = new Set<string>();
  private listeners = new Set<Listener>();

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(change: Change) {
    for (const fn of this.listeners) fn(change);
  }

  get full(): boolean {
    return this.selected.size >= LIMITS.batch;
  }

  /** A card with a request is selectable only once the user chose "flag again" for it. */
  selectable(itemId: string): boolean {
    return !this.annotations.has(itemId) || this.again.has(itemId);
  }

  /** "Flag again" on a card that already has a request: selects it. */
  flagAgain(listing: Listing): void {
    this.again.add(listing.itemId);
    if (!this.selected.has(listing.itemId)) this.toggle(listing);
    else this.emit({ items: [listing.itemId], selection: true });
  }

  /** Selects or unselects; false when the selection is full (or the card already has a request) and stays as it was. */
  toggle(listing: Listing): boolean {
    if (this.selected.delete(listing.itemId)) {
      this.emit({ items: [listing.itemId], selection: true });
      return true;
    }
    if (this.full || !this.selectable(listing.itemId)) return false;
    this.selected.set(listing.itemId, listing);
    this.emit({ items: [listing.itemId], selection: true });
    return true;
  }

  /** Adds as many as fit under the batch limit. */
  selectMany(listings: Listing[]): void {
    const items: string[] = [];
    for (const l of listings) {
      if (this.full) break;
      if (this.selected.has(l.itemId) || !this.selectable(l.itemId)) continue;
      this.selected.set(l.itemId, l);
      items.push(l.itemId);
    }
    if (items.length) this.emit({ items, selection: true });
  }

  /**
   * What this search's earlier result pages selected (kept by the worker): added as it was
   * chosen, cards that since got a request included (the flag says "already reported").
   */
  restore(listings: Listing[], again: string[] = []): void {
    const items: string[] = [];
    for (const id of again) this.again.add(id);
    for (const l of listings) {
      if (this.full) break;
      if (this.selected.has(l.itemId)) continue;
      this.selected.set(l.itemId, l);
      items.push(l.itemId);
    }
    if (items.length) this.emit({ items, selection: true });
  }

  /** Clears these items from the selection (a shift-click range after a clearing click). */
  unselectMany(itemIds: string[]): void {
    const items = itemIds.filter((id) => this.selected.delete(id));
    if (items.length) this.emit({ items, selection: true });
  }

  clear(): void {
    const items = [...this.selected.keys()];
    this.selected.clear();
    if (items.length) this.emit({ items, selection: true });
  }

  /** Answers of the worker (lookup) and new requests (flag). */
  annotate(annotations: ItemAnnotation[], counts: Record<string, number> = {}): void {
    for (const a of annotations) this.annotations.set(a.itemId, a);
    const sellers = Object.entries(counts);
    for (const [key, n] of sellers) this.sellerCounts.set(key, n);
    this.emit({ items: sellers.length ? null : annotations.map((a) => a.itemId), selection: false });
  }

  /** After a flag: the listings have requests now, and their sellers one more each. */
  flagged(listings: Listing[], annotations: ItemAnnotation[]): void {
    const counts: Record<string, number> = {};
    for (const l of listings) {
      const key = sellerKey(l);
      counts[key] = (counts[key] ?? this.sellerCounts.get(key) ?? 0) + 1;
    }
    for (const l of listings) (this.selected.delete(l.itemId), this.again.delete(l.itemId));
    this.annotate(annotations, counts);
    this.emit({ items: [], selection: true });
  }

  /** Requests of this card's seller, not counting the card's own. */
  otherRequestsOfSeller(listing: Listing): number {
    const n = this.sellerCounts.get(sellerKey(listing)) ?? 0;
    return this.annotations.has(listing.itemId) ? n - 1 : n;
  }
}
