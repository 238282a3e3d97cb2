import type { CardMatch } from '../adapter.ts';
import { attrOf, cardElements, firstValue, imageOf, textOf } from '../dom.ts';
import { parsePrice } from '../price.ts';
import { absoluteUrl, distinct } from '../urls.ts';
import { canonicalUrl } from './detect.ts';
import { CARDS } from './selectors.ts';

// list.tmall.com result cards. Everything a card shows is in its markup (the 2017 page has
// no embedded result data worth reading), so each card is read on its own.

const ID = /^\d{5,20}$/;

function readCard(card: Element, url: URL): CardMatch | null {
  const itemId = attrOf(card, 'data-id');
  if (!itemId || !ID.test(itemId)) return null;
  const title = firstValue(card, CARDS.TITLE, (a) => attrOf(a, 'title') ?? textOf(a));
  const amount = firstValue(card, CARDS.PRICE, (em) => parsePrice(attrOf(em, 'title') ?? em.textContent));
  const shop = card.querySelector(CARDS.SHOP.join(','));
  const shopLink = absoluteUrl(shop?.getAttribute('href'), url);
  const sellerId = shopLink?.searchParams.get('user_number_id');
  const id = sellerId && ID.test(sellerId) ? sellerId : null;
  const image = firstValue(card, CARDS.IMAGE, (img) => imageOf(img, url));
  return {
    element: card,
    listing: {
      marketplace: 'tmall',
      itemId,
      skuId: null,
      url: canonicalUrl(new URL(`https://detail.tmall.com/item.htm?id=${itemId}`), itemId),
      title: title ?? '',
      price: amount ? { amount, currency: 'CNY' } : null,
      imageUrls: distinct([image], 1),
      seller: {
        name: (shop && textOf(shop)) ?? '',
        id,
        // The card links the shop by seller id; that address is stable, its other params are not.
        shopUrl: id ? `https://store.taobao.com/search.htm?user_number_id=${id}` : null,
      },
      unavailable: false,
    },
  };
}

/** Every result card in `root` (a card itself, or anything holding cards), in document order. */
export function extractCards(root: ParentNode, url: URL): CardMatch[] {
  return cardElements(root, CARDS.CARD)
    .map((card) => readCard(card, url))
    .filter((m): m is CardMatch => m !== null);
}
