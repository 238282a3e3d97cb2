/** A flagged card's box in the page (document coordinates, CSS px). */
export interface CardBox {
  itemId: string;
  top: number;
  height: number;
}

export interface ShotGroup {
  scrollY: number;
  itemIds: string[];
}

export interface GroupOptions {
  /** Where the page is scrolled now: cards fully on screen are captured right here. */
  scrollY: number;
  viewportHeight: number;
  pageHeight: number;
  /** Space left above a card scrolled into view, so its edge is not cut by a sticky bar. */
  margin?: number;
  /** Captures are slow (about two a second): after this many, the rest go without one. */
  maxGroups?: number;
}

/**
 * The fewest captures that show every flagged card whole (greedy, top to bottom): one
 * capture covers all cards that fit the viewport together. A card taller than the viewport
 * gets a capture of its own, showing its top.
 */
export function groupCards(cards: CardBox[], opts: GroupOptions): { groups: ShotGroup[]; skipped: string[] } {
  const vh = opts.viewportHeight;
  const maxScroll = Math.max(0, opts.pageHeight - vh);
  const margin = opts.margin ?? 16;
  const maxGroups = opts.maxGroups ?? Infinity;
  const fits = (c: CardBox, y: number) => c.top >= y && c.top + c.height <= y + vh;

  const groups: ShotGroup[] = [];
  const skipped: string[] = [];
  const here = cards.filter((c) => fits(c, opts.scrollY));
  if (here.length && maxGroups > 0) groups.push({ scrollY: opts.scrollY, itemIds: here.map((c) => c.itemId) });
  const done = new Set(groups[0]?.itemIds);

  const rest = cards.filter((c) => !done.has(c.itemId)).sort((a, b) => a.top - b.top);
  let current: ShotGroup | null = null;
  for (const card of rest) {
    if (current && fits(card, current.scrollY)) {
      current.itemIds.push(card.itemId);
      continue;
    }
    if (groups.length >= maxGroups) {
      skipped.push(card.itemId);
      continue;
    }
    const y = Math.min(Math.max(0, card.top - margin), maxScroll);
    current = { scrollY: Math.round(y), itemIds: [card.itemId] };
    groups.push(current);
  }
  return { groups, skipped };
}
