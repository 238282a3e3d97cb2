// AliExpress item-page selectors, in the order they are tried, for pages whose data came by
// XHR (2024-09..2026-01, spec marketplaces.md): hashed CSS-module classes matched on their
// stable prefix, and the data-pl hooks the page's own analytics use. Each selector is
// exercised by test/fixtures/aliexpress/item-*.html.

export const TITLE = [
  'h1[data-pl="product-title"]', // the product heading
  'h1[data-pl]', // the same heading under another data-pl name
  '[class*="title--wrap--"] h1', // heading without data-pl
];

export const PRICE = [
  'span[class*="price-default--current--"]', // 2025-26: the price a buyer pays now
  '[class*="price--currentPriceText--"]', // 2024: the current price text
  '.product-price-current', // 2024: its stable companion class
  'span[class*="price-default--original--"]', // the list price, when no current price is shown
];

export const IMAGES = [
  'div[class*="slider--img--"] img', // gallery thumbnails beside the large picture
  '[class*="magnifier--image--"]', // the large picture
];

export const STORE_LINK = [
  'a[data-pl="store-name"]', // store name link, href //www.aliexpress.com/store/<storeNum>
  '[class*="store-detail--storeName--"] a[href*="/store/"]', // store card without data-pl
];

/** The store name when it is not a link (or the link has no text). */
export const STORE_NAME = [
  '[data-pl="store-name"]', // the link or a span with the name
  '[class*="store-detail--storeName--"]', // store card title
];
