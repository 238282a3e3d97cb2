// Which card the keyboard commands act on. Focus first: the card whose select box has the
// keyboard focus (Tab through the boxes), or a card whose own link the user tabbed to. Else
// the card under the pointer, as the user sees it: a mouse user points at a card and presses
// the keys. Nothing else: a command never acts on a card the user cannot tell it meant.

import { HOST_TAG } from './host-tag.ts';

let pointed: WeakRef<Element> | null = null;

/** Follows the element under the pointer (pointerover fires on crossing elements, not on every move). */
export function trackPointer(doc: Document, signal?: AbortSignal): void {
  doc.addEventListener(
    'pointerover',
    (e) => {
      const target = e.composedPath()[0] as Element | undefined;
      pointed = typeof target?.matches === 'function' ? new WeakRef(target) : null;
    },
    { capture: true, passive: true, signal },
  );
}

export interface FocusSources<C> {
  doc: Document;
  shadow: ShadowRoot;
  /** The card of a select box's item id. */
  byItem: (itemId: string) => C | null;
  /** The card around a page element. */
  around: (el: Element) => C | null;
}

/** The focused card (see above), or null. */
export function focusedCard<C>({ doc, shadow, byItem, around }: FocusSources<C>): C | null {
  const inUi = shadow.activeElement as HTMLElement | null;
  const itemId = inUi?.dataset?.testid === 'select-listing' ? inUi.dataset.itemId : undefined;
  if (itemId) return byItem(itemId);
  const active = doc.activeElement;
  if (active && active !== doc.body && active.localName !== HOST_TAG) {
    const card = around(active);
    if (card) return card;
  }
  const under = pointed?.deref();
  if (under?.isConnected && under.localName !== HOST_TAG && hovered(under)) return around(under);
  return null;
}

function hovered(el: Element): boolean {
  try {
    return el.matches(':hover');
  } catch {
    return false; // a DOM without :hover (tests): the pointer's last element is trusted as is
  }
}
