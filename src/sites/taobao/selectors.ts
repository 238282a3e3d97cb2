import { SSR_SELECTORS as SSR } from '../alibaba-ssr.ts';

// Taobao item-page selectors, in the order they are tried. Generations (spec
// marketplaces.md): gen 1 = classic pages (<= 2022, #J_* ids), gen 2 = the React
// CSS-modules pages (~2022-23, `Module--element--hash` classes), gen 3 = the SSR 2025 pages
// shared with Tmall (../alibaba-ssr.ts). Hashed classes are matched on their stable prefix,
// never the hash. Gen 3 comes first and gen 2 next: their prefixes never occur on each
// other's pages (class matching is case-sensitive, so `text--` misses `priceText--`), and
// neither generation's selectors match a gen 1 page.
// Each selector is exercised by test/fixtures/taobao/item-*.html.

export const EXCLUDE = SSR.EXCLUDE;

export const TITLE = [
  ...SSR.TITLE, // also takes gen 2's h1.ItemHeader--mainTitle--<hash>
  '[class*="ItemHeader--mainTitle--"]', // gen 2 (2022-23 CSS modules): the title when not rendered as an h1
  '#J_Title .tb-main-title[data-title]', // gen 1: h3 with the full title in data-title
  '#J_Title .tb-main-title', // gen 1: the heading text when data-title is missing
];

export const PRICE = [
  ...SSR.PRICE,
  '[class*="SecurityPrice--priceText--"]', // gen 2 (2022-23 CSS modules): the guaranteed price, shown instead of or above the plain one
  '[class*="Price--priceText--"]', // gen 2 (2022-23 CSS modules): the price a buyer pays (never Price--extraPriceText--, the pre-discount price)
  '#J_PromoPriceNum', // gen 1: promotion price (empty until the page's script fills it)
  '#J_StrPrice .tb-rmb-num', // gen 1: list price, often a range
  'input[name="current_price"]', // gen 1: the buy form's hidden price (value attribute)
];

export const IMAGES = [
  ...SSR.IMAGES, // also takes gen 2's img.PicGallery--thumbnailPic--<hash>
  '[class*="PicGallery--mainPic--"]', // gen 2 (2022-23 CSS modules): the large picture (the only one when there are no thumbnails)
  '#J_ImgBooth', // gen 1: the large picture
  '#J_UlThumb li img', // gen 1: gallery thumbnails, real URL in data-src
];

export const SHOP_NAME = [
  ...SSR.SHOP_NAME, // also takes gen 2's newer header, ShopHeaderNew--shopName--<hash>
  '[class*="ShopHeader--title--"]', // gen 2 (2022-23 CSS modules): shop name in the older shop header
  '.tb-shop-name a', // gen 1: shop name link in the shop card
  '.tb-shop-name', // gen 1: shop card without a link
];

export const SHOP_LINK = [
  ...SSR.SHOP_LINK,
  'a[class*="ShopHeader--board--"]', // gen 2 (2022-23 CSS modules): the older shop header block is itself the shop link
  'a[class*="ShopHeaderNew--detailWrap--"]', // gen 2 (2022-23 CSS modules): the newer shop header block is itself the shop link
  '[class*="ShopHeader--board--"] a[href*="//shop"], [class*="ShopHeaderNew--detailWrap--"] a[href*="//shop"]', // gen 2 (2022-23 CSS modules): a shop link inside either header block
  '.tb-shop-name a[href]', // gen 1: shop name link
];

// Gen 2's shop header links (shopId=/sellerId= in the query) are matched by the generic
// gen 3 link selectors; the header precedes the recommendations, so its links win.
export const SELLER_ID_LINKS = SSR.SELLER_ID_LINKS;
export const SHOP_ID = SSR.SHOP_ID;
export const SHOP_ID_LINKS = SSR.SHOP_ID_LINKS;
