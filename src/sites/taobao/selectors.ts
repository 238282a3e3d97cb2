// Taobao item-page selectors, in the order they are tried. Generations (spec
// marketplaces.md): gen 1 = classic pages (<= 2022, #J_* ids), gen 3 = the SSR 2025 pages
// (hashed CSS-module classes, matched on their stable prefix, never the hash). Each
// selector is exercised by test/fixtures/taobao/item-*.html.

/** Gen 3's sticky header repeats title, price and picture while scrolling: never read it. */
export const EXCLUDE = '[class*="ItemHeadFixed--"]';

export const TITLE = [
  '[class^="mainTitle--"]', // gen 3: h1.mainTitle--<hash>, full title in its title attribute
  'h1[class*="mainTitle--"]', // gen 3: the same heading when another class comes first
  '#J_Title .tb-main-title[data-title]', // gen 1: h3 with the full title in data-title
  '#J_Title .tb-main-title', // gen 1: the heading text when data-title is missing
];

export const PRICE = [
  '[class*="highlightPrice--"] [class*="text--"]', // gen 3: the price a buyer pays now
  '[class*="block2--"] [class*="unit--"] + [class*="text--"]', // gen 3: price block without the highlight wrapper
  '#J_PromoPriceNum', // gen 1: promotion price (empty until the page's script fills it)
  '#J_StrPrice .tb-rmb-num', // gen 1: list price, often a range
  'input[name="current_price"]', // gen 1: the buy form's hidden price (value attribute)
];

export const IMAGES = [
  '[class*="mainPicWrapper--"] img', // gen 3: the large picture
  '[class*="thumbnailPic--"]', // gen 3: gallery thumbnails (the img, or a wrapper holding it)
  '#J_ImgBooth', // gen 1: the large picture
  '#J_UlThumb li img', // gen 1: gallery thumbnails, real URL in data-src
];

export const SHOP_NAME = [
  '[class*="shopName--"]', // gen 3: shop header name, full name in its title attribute
  '.tb-shop-name a', // gen 1: shop name link in the shop card
  '.tb-shop-name', // gen 1: shop card without a link
];

export const SHOP_LINK = [
  '[class*="shopHeader--"] a[href*="//shop"]', // gen 3: the shop header's link to the shop
  '.tb-shop-name a[href]', // gen 1: shop name link
];

/** Links that carry the seller's id in their query (customer service, shop info). */
export const SELLER_ID_LINKS = [
  'a[href*="shop"][href*="sellerId="]', // gen 3: shop header links (view_shop, service)
];

/** The shop id as an attribute or a link parameter, when no seller id is shown. */
export const SHOP_ID = [
  '[data-shopid]', // gen 3: shop header container
];
export const SHOP_ID_LINKS = [
  'a[href*="shop"][href*="shopId="]', // gen 3: shop header links
];
