import type { Listing } from '../shared/model.ts';
import { sellerKey } from '../shared/keys.ts';
import { t } from '../shared/i18n.ts';
import { writeCardStatus } from './card-status.ts';
import { stateLabel } from './state-label.ts';
import type { Change, PageState } from './page-state.ts';

export interface Card {
  element: Element;
  listing: Listing;
}

/** What the cards' controls ask for (each on a trusted click only). */
export interface CardActions {
  pick(listing: Listing, shift: boolean): void;
  seller(listing: Listing): void;
  again(listing: Listing): void;
  /** Whether the card's seller is known (else its menu offers no "all from this seller"). */
  sellerKnown?(listing: Listing): boolean;
}

type Control = 'box' | 'menu' | 'seller' | 'again';

interface CardUi {
  card: Card;
  el: HTMLElement;
  box: HTMLInputElement;
  /** The card's photo: the UI sits on it, clear of the title and price beside or under it. */
  photo: HTMLImageElement | null;
  status: HTMLElement | null;
  repeat: HTMLButtonElement | null;
  again: HTMLButtonElement | null;
  x: number;
  y: number;
  w: number;
}

const INSET = 6;
/** A photo smaller than this (an icon, a badge, a photo not laid out yet) is not the card's. */
const MIN_PHOTO = 64;

/**
 * Where a card's UI goes: over its photo (grid cards have it on top, list rows on the left;
 * the title and price are elsewhere), or the card's corner when it shows no photo of its own.
 * Two rect reads at most, in the batch's read phase.
 */
function anchorRect(card: Element, photo: HTMLImageElement | null): DOMRect {
  const r = photo?.isConnected ? photo.getBoundingClientRect() : null;
  return r && r.width >= MIN_PHOTO && r.height >= MIN_PHOTO ? r : card.getBoundingClientRect();
}

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
  private controls = new WeakMap<EventTarget, [CardUi, Control]>();
  private menu: HTMLElement | null = null;

  constructor(
    private doc: Document,
    parent: Node,
    /** The element whose top-left corner is the overlay's origin (the UI host). */
    private origin: Element,
    private state: PageState,
    private now: () => number,
    private actions: CardActions = { pick: (l) => void state.toggle(l), seller: (l) => state.selectMany([l]), again: (l) => state.flagAgain(l) },
  ) {
    this.root = doc.createElement('div');
    this.root.className = 'cards';
    // One listener for every card's controls. It acts only on real input: a page script's
    // el.click() would tick a checkbox by default, so that default is cancelled.
    this.root.addEventListener('click', (e) => {
      const hit = e.target ? this.controls.get(e.target) : undefined;
      if (!hit) return;
      if (!e.isTrusted) return void e.preventDefault();
      const [ui, control] = hit;
      const { listing } = ui.card;
      if (control === 'box') {
        this.actions.pick(listing, (e as MouseEvent).shiftKey);
        ui.box.checked = state.selected.has(listing.itemId); // stays unticked when the selection is full
      } else if (control === 'menu') this.toggleMenu(ui);
      else {
        this.closeMenu();
        if (control === 'seller') this.actions.seller(listing);
        else this.actions.again(listing);
      }
    });
    parent.appendChild(this.root);
  }

  /** The card's small menu: one shared element, placed in the card's UI while open. */
  private toggleMenu(ui: CardUi): void {
    const open = this.menu?.parentElement === ui.el;
    this.closeMenu();
    if (open) return;
    const menu = (this.menu = this.doc.createElement('div'));
    menu.className = 'card-menu';
    menu.setAttribute('role', 'menu');
    const item = (text: string, control: Control, testid: string) => {
      const b = this.doc.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'menuitem');
      b.dataset.testid = testid;
      b.textContent = text;
      this.controls.set(b, [ui, control]);
      menu.append(b);
      return b;
    };
    const { listing } = ui.card;
    if (this.actions.sellerKnown?.(listing) !== false) item(t('content_select_seller', listing.seller.name), 'seller', 'select-seller');
    if (this.state.annotations.has(listing.itemId) && !this.state.again.has(listing.itemId)) item(t('content_flag_again'), 'again', 'card-flag-again');
    if (!menu.firstElementChild) return void (this.menu = null);
    // Esc or a click anywhere else closes it, as any menu does.
    menu.addEventListener('keydown', (e) => e.key === 'Escape' && (this.closeMenu(), ui.box.focus()));
    this.doc.addEventListener('pointerdown', this.outside, true);
    ui.el.append(menu);
    (menu.firstElementChild as HTMLElement).focus();
  }

  private outside = (e: Event) => {
    const path = e.composedPath();
    // Its own button toggles it (the click that follows).
    if (!this.menu || path.includes(this.menu) || path.includes(this.menu.parentElement?.querySelector('.menu') as EventTarget)) return;
    this.closeMenu();
  };

  private closeMenu(): void {
    this.menu?.remove();
    this.menu = null;
    this.doc.removeEventListener('pointerdown', this.outside, true);
  }

  has(element: Element): boolean {
    return this.uis.has(element);
  }

  get size(): number {
    return this.uis.size;
  }

  /** One card's controls, built once and cloned per card (one call instead of a dozen). */
  private template: HTMLElement | null = null;

  private blank(): HTMLElement {
    if (!this.template) {
      const el = (this.template = this.doc.createElement('div'));
      el.className = 'card-ui';
      const box = this.doc.createElement('input');
      box.type = 'checkbox';
      box.dataset.testid = 'select-listing';
      const menu = this.doc.createElement('button');
      menu.type = 'button';
      menu.className = 'menu';
      menu.dataset.testid = 'card-menu';
      menu.textContent = '⋯';
      menu.setAttribute('aria-haspopup', 'menu');
      menu.setAttribute('aria-label', t('content_card_menu'));
      // The menu button sits beside the box (placed absolutely), so the box stays the first line.
      el.append(box, menu);
    }
    return this.template.cloneNode(true) as HTMLElement;
  }

  add(cards: Card[]): void {
    const fresh = cards.filter((c) => !this.uis.has(c.element));
    if (!fresh.length) return;
    // Read every rect before the first write, so that the browser lays the page out once.
    const o = this.origin.getBoundingClientRect();
    const photos = fresh.map((c) => c.element.querySelector('img'));
    const rects = fresh.map((c, i) => anchorRect(c.element, photos[i]!));
    const created = fresh.map((card, i) => {
      const el = this.blank();
      const box = el.firstElementChild as HTMLInputElement;
      const menu = box.nextElementSibling!;
      box.dataset.itemId = card.listing.itemId;
      box.setAttribute('aria-label', t('content_select_listing', card.listing.title));
      const ui: CardUi = { card, el, box, photo: photos[i] ?? null, status: null, repeat: null, again: null, x: NaN, y: NaN, w: NaN };
      this.uis.set(card.element, ui);
      this.controls.set(box, [ui, 'box']);
      this.controls.set(menu, [ui, 'menu']);
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
    this.place(list, o, list.map((u) => anchorRect(u.card.element, u.photo)));
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
    // A card with a request shows it and is not selectable until the user chooses "flag again".
    const locked = !this.state.selectable(listing.itemId);
    if (ui.box.disabled !== locked) ui.box.disabled = locked;
    if (annotation) {
      if (!ui.status) ui.el.append((ui.status = this.doc.createElement('div')));
      writeCardStatus(ui.status, annotation, this.now());
    }
    if (locked && !ui.again) {
      const b = (ui.again = this.doc.createElement('button'));
      b.type = 'button';
      b.className = 'again';
      b.dataset.testid = 'card-flag-again';
      b.dataset.itemId = listing.itemId;
      b.textContent = t('content_flag_again');
      this.controls.set(b, [ui, 'again']);
      ui.status!.after(b);
    }
    if (ui.again) {
      ui.again.hidden = !locked;
      if (annotation) ui.again.title = t('content_flag_again_question', [annotation.caseId ? t('content_case', annotation.caseId) : t('content_no_case_yet'), stateLabel(annotation.state)]);
    }
    // A repeat seller: requests for other listings of the same seller. The mark selects them.
    const repeat = this.state.otherRequestsOfSeller(listing) > 0;
    if (repeat && !ui.repeat) {
      ui.repeat = this.doc.createElement('button');
      ui.repeat.type = 'button';
      ui.repeat.className = 'repeat';
      ui.repeat.dataset.testid = 'seller-mark';
      ui.repeat.title = t('content_select_seller', listing.seller.name);
      this.controls.set(ui.repeat, [ui, 'seller']);
      ui.el.append(ui.repeat);
    }
    if (ui.repeat) {
      const total = String(this.state.sellerCounts.get(sellerKey(listing)) ?? 0);
      ui.repeat.hidden = !repeat;
      ui.repeat.dataset.count = total;
      ui.repeat.textContent = t('content_repeat_seller', total);
    }
  }

  /**
   * The card that has the focus: our own box or menu (focus inside the UI host), or an element
   * of the page inside a card (a link the user tabbed to).
   */
  focusedListing(): Listing | null {
    const inner = (this.root.getRootNode() as ShadowRoot).activeElement;
    const mine = inner ? this.controls.get(inner) : undefined;
    if (mine) return mine[0].card.listing;
    for (let el = this.doc.activeElement; el; el = el.parentElement) {
      const ui = this.uis.get(el);
      if (ui) return ui.card.listing;
    }
    return null;
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
    this.closeMenu();
    this.uis.clear();
    this.byItem.clear();
    this.root.remove();
  }
}
