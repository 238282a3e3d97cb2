import type { SiteAdapter } from '../sites/adapter.ts';
import type { TabRequestOf, TabResponseOf } from '../shared/messages.ts';
import { Listing } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { LIMITS } from '../shared/limits.ts';
import { stateLabel } from './labels.ts';
import { order, type CardHandle, type SelectOutcome } from './page-orders.ts';
import { findLink } from './link-target.ts';
import { showNotice } from './page-notice.ts';

type LinkOrder = TabRequestOf<'linkMenu'>;

const caseText = (a: { caseId: string | null }) => (a.caseId ? t('content_case', a.caseId) : t('content_no_case_yet'));

/**
 * The card around `el` read with the site's own reader, for pages whose features keep no
 * cards of their own (an item page's "more from this shop", a home page): the innermost
 * card that contains the link. Null when none does or it does not read as a listing.
 */
export function readCardAround(adapter: SiteAdapter, doc: Document, url: URL, el: Element): CardHandle | null {
  try {
    let best: { element: Element; raw: unknown } | null = null;
    if (adapter.findCards && adapter.readCard) {
      for (const card of adapter.findCards(doc)) if (card.contains(el) && (!best || best.element.contains(card))) best = { element: card, raw: null };
      if (best) best.raw = adapter.readCard(best.element, url);
    } else if (adapter.extractCards) {
      for (const m of adapter.extractCards(doc, url)) if (m.element.contains(el) && (!best || best.element.contains(m.element))) best = { element: m.element, raw: m.listing };
    }
    if (!best) return null;
    const parsed = Listing.safeParse(best.raw);
    return parsed.success ? { element: best.element, listing: parsed.data } : null;
  } catch {
    return null; // an adapter bug on a strange page: the link's URL is still there
  }
}

/**
 * The content side of the keyboard commands and the link menu: each acts through what the
 * page's features provide (page-orders.ts) and says on the page what it could not do.
 */
export function orderAnswers(adapter: SiteAdapter, win: Window) {
  const doc = win.document;
  const notice = (key: Parameters<typeof t>[0], subs?: string[]) => showNotice(doc, t(key, subs));

  const cardOfLink = (el: Element | null): CardHandle | null => {
    if (!el) return null;
    const around = order('cardAround');
    return around ? around(el) : readCardAround(adapter, doc, new URL(win.location.href), el);
  };

  /** Says on the page what a selection order did, when it did not simply add the card. */
  const tell = (itemId: string, outcome: SelectOutcome, count: number): boolean => {
    if (outcome === 'has_request') {
      const a = order('annotationOf')?.(itemId);
      notice('content_link_already', [a ? caseText(a) : t('content_no_case_yet'), a ? stateLabel(a.state) : '']);
      return false;
    }
    if (outcome === 'full') return notice('content_selection_full', [String(LIMITS.batch)]), false;
    if (outcome === 'added') notice('content_added_to_selection', [String(count)]);
    return true;
  };

  const selectLink = (el: Element | null): boolean => {
    const select = order('select');
    if (!select) return notice('content_selection_here_only'), false;
    const card = cardOfLink(el);
    if (!card) return notice('content_link_not_card'), false;
    const { outcome, count } = select(card);
    return tell(card.listing.itemId, outcome, count);
  };

  const flagLink = async ({ linkUrl, link, existing }: LinkOrder, el: Element | null): Promise<boolean> => {
    const card = cardOfLink(el);
    // The card's own listing, when the link is the card's (not a "similar item" inside it).
    const fromCard = card && (!link || (card.listing.itemId === link.itemId && card.listing.marketplace === link.marketplace)) ? card : null;
    if (!fromCard && !link) return notice('content_link_no_listing'), false;
    const itemId = fromCard?.listing.itemId ?? link!.itemId;
    const known = existing ?? order('annotationOf')?.(itemId) ?? null;
    const { openLinkFlag } = await import('./link-flag.tsx');
    openLinkFlag(doc, {
      listing: fromCard?.listing ?? null,
      link: link && { ...link, text: el?.textContent?.trim().replace(/\s+/g, ' ') ?? '' },
      existing: known,
      onFlagged: (filed, annotations) => order('flagged')?.(filed, annotations),
    });
    return true;
  };

  return {
    openFlagForm: (): TabResponseOf<'openFlagForm'> => ({ opened: order('flagFocused')?.() ?? false }),
    toggleFocusedCard: (): TabResponseOf<'toggleFocusedCard'> => {
      const toggle = order('toggleFocused');
      if (!toggle) return notice('content_selection_here_only'), { done: false };
      const result = toggle();
      if (!result) return notice('content_no_focused_card'), { done: false };
      return { done: tell(result.itemId, result.outcome, result.count) };
    },
    openSelectionForm: (): TabResponseOf<'openSelectionForm'> => {
      const open = order('flagSelection');
      if (!open) return notice('content_selection_here_only'), { done: false };
      if (!open()) return notice('content_nothing_selected'), { done: false };
      return { done: true };
    },
    linkMenu: async (o: LinkOrder): Promise<TabResponseOf<'linkMenu'>> => {
      const el = findLink(doc, o.linkUrl);
      return { done: o.action === 'select' ? selectLink(el) : await flagLink(o, el) };
    },
  };
}
