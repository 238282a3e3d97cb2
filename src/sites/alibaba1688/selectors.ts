// 1688 offer-page selectors for when __INIT_DATA is missing, in the order they are tried.
// Generations: the 2021-26 React page (od-pc-*, module-od-*), and the older server-rendered
// page (d-title, tab-trigger). Each is exercised by test/fixtures/1688/item-*.html.

export const TITLE = [
  '.od-pc-offer-title', // 2021-26: title block (text, or a title attribute)
  '.title-text', // 2021-26: title text inside the title module
  '.d-title', // old page: h1.d-title
  '.module-od-title', // module wrapper around the title
];

export const PRICE = [
  '.price-text', // 2021-26: each quantity tier's price ("15.00")
  '.price-original-sku .value', // old page: SKU price range
  '.d-content .price .value', // old page: tier prices table
];

export const IMAGES = [
  '.detail-gallery-img', // 2021-26: gallery pictures
  '.img-list-wrapper img', // 2021-26: gallery thumbnails
  '#dt-tab .tab-trigger', // old page: thumbnails, full URL in data-imgs JSON ("original")
];

export const COMPANY = [
  '.company-name', // seller's company name (a link to its shop, or text)
  '.winport-title .company-name', // old page shop header
];

export const SHOP_LINK = [
  'a.company-name[href]', // the company name links its shop (<loginId>.1688.com)
  '.winport-title a[href]', // old page shop header link
];
