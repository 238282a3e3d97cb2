import type { Listing } from '../shared/model.ts';
import { sellerKey } from '../shared/keys.ts';
import { t } from '../shared/i18n.ts';
import { writeCardStatus } from './card-status.ts';
import type { Change, PageState } from './page-state.ts';

export interface Card {
  element: Element;
  listing: Listing;
}

interface CardUi {
  card: Card;
  el: HTMLElement;
  box: HTMLInputElement;
  status: HTMLElement | null;
  repeat: HTMLElement | null;
  x: number;
  y: number;
  w: number;
}

const INSET = 6;

/**
 * The cards' UI: plain elements in the one shared shadow root (measured cheapest, see
 * DESIGN), each placed over its card in *document* coordinates. The UI host scrolls with
 * the document, so scrolling costs no work at all; only layout changes (resize, content
 * growing, an inner scroller) need a re-measure, which reads every rect first and then
 * writes only the transforms that changed. Anchoring elements inside the cards would follow
 * them for free too, but puts our nodes into the page's own (often React-managed) markup.
 */
export class CardOverlay {
  readonly root: HTMLElement;
  private uis = new Map<Element, CardUi>();
  private byItem = new Map<string, Set<CardUi>>();
  private byBox = new WeakMap<EventTarget, CardUi>();

  constructor(
    private doc: Document,
    parent: Node,
    /** The element whose top-left corner is the overlay's origin (the UI host). */
    private origin: Element,
    private state: PageState,
    private now: () => number,
  ) {
    this.root = doc.createElement('div');
    this.root.className = 'cards';
    // One listener for every checkbox. It acts only on real input: a page script's
    // el.click() would tick a checkbox by default, so that default is cancelled.
    this.root.addEventListener('click', (e) => {
      const ui = e.target ? this.byBox.get(e.target) : undefined;
      if (!ui) return;
      if (!e.isTrusted) return void e.preventDefault();
      state.toggle(ui.card.listing);
      ui.box.checked = state.selected.has(ui.card.listing.itemId); // stays unticked when the selection is full
    });
    parent.appendChild(this.root);
  }

  has(element: Element): boolean {
    return this.uis.has(element);
  }

  get size(): number {
    return this.uis.size;
  }

  add(cards: Card[]): void {
    const fresh = cards.filter((c) => !this.uis.has(c.element));
    if (!fresh.length) return;
    // Read every rect before the first write, so that the browser lays the page out once.
    const o = this.origin.getBoundingClientRect();
    const rects = fresh.map((c) => c.element.getBoundingClientRect());
    const created = fresh.map((card) => {
      const el = this.doc.createElement('div');
      el.className = 'card-ui';
      const box = this.doc.createElement('input');
      box.type = 'checkbox';
      box.dataset.testid = 'select-listing';
      box.dataset.itemId = card.listing.itemId;
      box.setAttribute('aria-label', t('content_select_listing', card.listing.title));
      el.append(box);
      const ui: CardUi = { card, el, box, status: null, repeat: null, x: NaN, y: NaN, w: NaN };
      this.uis.set(card.element, ui);
      this.byBox.set(box, ui);
      let same = this.byItem.get(card.listing.itemId);
      if (!same) this.byItem.set(card.listing.itemId, (same = new Set()));
      same.add(ui);
      this.update(ui);
      return ui;
    });
    this.place(created, o, rects);
    this.root.append(...created.map((u) => u.el));
  }

  /** Re-places every card's UI (after a layout change). */
  relayout(): void {
    const list = [...this.uis.values()];
    if (!list.length) return;
    const o = this.origin.getBoundingClientRect();
    this.place(list, o, list.map((u) => u.card.element.getBoundingClientRect()));
  }

  /** Writes only what changed: a transform and a width per card. */
  private place(list: CardUi[], o: DOMRect, rects: DOMRect[]): void {
    list.forEach((u, i) => {
      const r = rects[i]!;
      const gone = r.width === 0 && r.height === 0; // display: none, or detached
      if (u.el.hidden !== gone) u.el.hidden = gone;
      if (gone) return;
      const x = Math.round(r.left - o.left + INSET);
      const y = Math.round(r.top - o.top + INSET);
      const w = Math.max(24, Math.round(r.width - 2 * INSET));
      if (x !== u.x || y !== u.y) u.el.style.transform = `translate(${x}px, ${y}px)`;
      if (w !== u.w) u.el.style.maxWidth = `${w}px`;
      Object.assign(u, { x, y, w });
    });
  }

  /** Drops the UI of cards that left the page; returns how many. */
  sweep(): number {
    let n = 0;
    for (const [element, ui] of this.uis) {
      if (element.isConnected) continue;
      this.uis.delete(element);
      this.byItem.get(ui.card.listing.itemId)?.delete(ui);
      ui.el.remove();
      n++;
    }
    return n;
  }

  refresh(change: Change): void {
    if (change.items === null) for (const ui of this.uis.values()) this.update(ui);
    else for (const id of change.items) for (const ui of this.byItem.get(id) ?? []) this.update(ui);
  }

  /** Re-renders the SLA countdowns. */
  tick(): void {
    for (const ui of this.uis.values()) if (ui.status) this.update(ui);
  }

  private update(ui: CardUi): void {
    const { listing } = ui.card;
    ui.box.checked = this.state.selected.has(listing.itemId);
    const annotation = this.state.annotations.get(listing.itemId);
    if (annotation) {
      if (!ui.status) ui.el.append((ui.status = this.doc.createElement('div')));
      writeCardStatus(ui.status, annotation, this.now());
    }
    // A repeat seller: requests for other listings of the same seller.
    const repeat = this.state.otherRequestsOfSeller(listing) > 0;
    if (repeat && !ui.repeat) {
      ui.repeat = this.doc.createElement('span');
      ui.repeat.className = 'repeat';
      ui.el.append(ui.repeat);
    }
    if (ui.repeat) {
      const total = String(this.state.sellerCounts.get(sellerKey(listing)) ?? 0);
      ui.repeat.hidden = !repeat;
      ui.repeat.dataset.count = total;
      ui.repeat.textContent = t('content_repeat_seller', total);
    }
  }

  /** The listings whose cards are on screen now. */
  visibleListings(): Listing[] {
    const view = this.doc.defaultView;
    const height = view?.innerHeight ?? 0;
    const width = view?.innerWidth ?? 0;
    const out: Listing[] = [];
    for (const [element, ui] of this.uis) {
      const r = element.getBoundingClientRect();
      if ((r.width || r.height) && r.bottom > 0 && r.top < height && r.right > 0 && r.left < width) out.push(ui.card.listing);
    }
    return out;
  }

  destroy(): void {
    this.uis.clear();
    this.byItem.clear();
    this.root.remove();
  }
}
