import type { Listing } from '../shared/model.ts';
import { sellerKey } from '../shared/keys.ts';

// The search page's selection gestures as pure functions, plus the small API other content
// features (the keyboard command, the context menu) use to act on the selection of the page
// that is running now. Pure parts first: they are tested without a page.

/** The last box clicked and what that click did to it. */
export interface Anchor {
  itemId: string;
  /** true: the click selected it; false: it cleared it. */
  selected: boolean;
}

/**
 * What a shift-click on `target` does, given the cards in the page's order: every card from
 * the anchor to the target (both included) takes the state the anchor's click gave it. So a
 * shift-click after a click that cleared a box clears the range, as a file manager's list
 * with check boxes (and Gmail's) extends the last action rather than always adding. Null when
 * there is no anchor on this page (then the click is a plain toggle).
 */
export function shiftRange(order: readonly string[], anchor: Anchor | null, target: string): { itemIds: string[]; select: boolean } | null {
  if (!anchor) return null;
  const from = order.indexOf(anchor.itemId);
  const to = order.indexOf(target);
  if (from < 0 || to < 0) return null;
  const [a, b] = from <= to ? [from, to] : [to, from];
  return { itemIds: order.slice(a, b + 1), select: anchor.selected };
}

/** The listings of `of`'s seller among `listings` (the page's loaded cards), in their order. */
export function sameSeller(listings: readonly Listing[], of: Listing): Listing[] {
  const key = sellerKey(of);
  return listings.filter((l) => sellerKey(l) === key);
}

/** What the running search page lets other features do with its selection. */
export interface PageSelection {
  /** Toggles the card that has the focus (its box, or a link inside it); false when no card has it. */
  toggleFocused(): boolean;
  /** Adds the card of this item on the page; false when the page shows no selectable card of it. */
  add(itemId: string): boolean;
}

let current: PageSelection | null = null;

/** The search page registers its selection while it runs (until `signal` aborts). */
export function provideSelection(selection: PageSelection, signal: AbortSignal): void {
  current = selection;
  signal.addEventListener('abort', () => current === selection && (current = null), { once: true });
}

/** Keyboard command "toggle selection of the focused card": false when this page has no such card. */
export function toggleFocusedCard(): boolean {
  return current?.toggleFocused() ?? false;
}

/** Context menu "Add to selection" on a link to a listing: false when the page has no selectable card of it. */
export function addToSelection(itemId: string): boolean {
  return current?.add(itemId) ?? false;
}
