import { SSR_SELECTORS as SSR, type ItemSelectors } from '../alibaba-ssr.ts';

// Tmall item-page selectors, in the order they are tried. Generations (spec
// marketplaces.md): the old TShop pages (~2015-2022: .tb-detail-hd, .tm-price-panel,
// .slogo-shopname) and the current SSR 2025 pages shared with Taobao (../alibaba-ssr.ts).
// Each selector is exercised by test/fixtures/tmall/item-*.html.

export const ITEM: ItemSelectors = {
  EXCLUDE: SSR.EXCLUDE,
  TITLE: [
    ...SSR.TITLE,
    '.tb-detail-hd h1', // old: the title heading (text)
  ],
  PRICE: [
    ...SSR.PRICE,
    '.tm-promo-price .tm-price', // old: promotion price (filled by the page's script)
    '.tm-price-panel .tm-price', // old: list price (TShop's reservePrice), often a range
  ],
  IMAGES: [
    ...SSR.IMAGES,
    '#J_ImgBooth', // old: the large picture
    '#J_UlThumb li img', // old: gallery thumbnails
  ],
  SHOP_NAME: [
    ...SSR.SHOP_NAME,
    '.slogo-shopname strong', // old: the shop card's name
    '.slogo-shopname', // old: the shop card's link when it has no <strong>
  ],
  SHOP_LINK: [
    '[class*="shopHeader--"] a[href*=".tmall."]', // current: the shop header links to <shop>.tmall.com
    ...SSR.SHOP_LINK,
    'a.slogo-shopname[href]', // old: the shop card's link
  ],
  SELLER_ID_LINKS: SSR.SELLER_ID_LINKS,
  SHOP_ID: SSR.SHOP_ID,
  SHOP_ID_LINKS: SSR.SHOP_ID_LINKS,
};

/** list.tmall.com search results (2017 generation); cards are `.product[data-id]`. */
export const CARDS = {
  CARD: '#J_ItemList .product[data-id]', // one per result; ads and "掌柜热卖" live outside #J_ItemList
  TITLE: ['.productTitle a[title]', '.productTitle a'], // the full title in the title attribute; text has <span class=H> highlights
  PRICE: ['.productPrice em[title]', '.productPrice em'], // the price in the title attribute ("299.00")
  IMAGE: ['.productImg img'], // lazy: data-ks-lazyload holds the real URL
  SHOP: ['.productShop-name'], // link to store.taobao.com/search.htm?user_number_id=<seller id>
};
