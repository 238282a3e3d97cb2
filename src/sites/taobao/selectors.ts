import { SSR_SELECTORS as SSR } from '../alibaba-ssr.ts';

// Taobao item-page selectors, in the order they are tried. Generations (spec
// marketplaces.md): gen 1 = classic pages (<= 2022, #J_* ids), gen 3 = the SSR 2025 pages
// shared with Tmall (../alibaba-ssr.ts, matched on stable class prefixes, never the hash).
// Each selector is exercised by test/fixtures/taobao/item-*.html.

export const EXCLUDE = SSR.EXCLUDE;

export const TITLE = [
  ...SSR.TITLE,
  '#J_Title .tb-main-title[data-title]', // gen 1: h3 with the full title in data-title
  '#J_Title .tb-main-title', // gen 1: the heading text when data-title is missing
];

export const PRICE = [
  ...SSR.PRICE,
  '#J_PromoPriceNum', // gen 1: promotion price (empty until the page's script fills it)
  '#J_StrPrice .tb-rmb-num', // gen 1: list price, often a range
  'input[name="current_price"]', // gen 1: the buy form's hidden price (value attribute)
];

export const IMAGES = [
  ...SSR.IMAGES,
  '#J_ImgBooth', // gen 1: the large picture
  '#J_UlThumb li img', // gen 1: gallery thumbnails, real URL in data-src
];

export const SHOP_NAME = [
  ...SSR.SHOP_NAME,
  '.tb-shop-name a', // gen 1: shop name link in the shop card
  '.tb-shop-name', // gen 1: shop card without a link
];

export const SHOP_LINK = [
  ...SSR.SHOP_LINK,
  '.tb-shop-name a[href]', // gen 1: shop name link
];

export const SELLER_ID_LINKS = SSR.SELLER_ID_LINKS;
export const SHOP_ID = SSR.SHOP_ID;
export const SHOP_ID_LINKS = SSR.SHOP_ID_LINKS;
