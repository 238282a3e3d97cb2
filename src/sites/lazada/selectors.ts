// Lazada selectors, in the order they are tried. Product pages have kept their BEM-like
// `pdp-*` classes since ~2018; search cards use short hashed classes (RfADt, ooOxS) that
// change with redesigns, so cards are found by their stable data-qa-locator and read
// through their link and image first. Each selector is exercised by test/fixtures/lazada/.

export const PDP = {
  TITLE: ['h1.pdp-mod-product-badge-title', '.pdp-mod-product-badge-title'], // product title heading
  PRICE: [
    '.pdp-product-price span.pdp-price_type_normal', // the price a buyer pays (sale price when discounted)
    'span.pdp-price_type_normal', // the same outside the price block (compact layouts)
  ],
  IMAGES: [
    'img.gallery-preview-panel__image', // the large picture
    '.item-gallery img.item-gallery__thumbnail-image', // gallery thumbnails
  ],
  SELLER: ['.seller-name__detail a.seller-name__detail-name', '.seller-name__detail a'], // "Sold by" card: name, link to /shop/<slug>/
  /** Where a deleted listing says so (the page keeps its header and recommendations). */
  GONE: ['.pdp-block__not-available', '.error-page__title', 'h1.pdp-mod-product-badge-title'],
};

export const CARDS = {
  CARD: '[data-qa-locator="product-item"]', // one per result (current; data-item-id may be empty)
  LEGACY_CARD: '.c2prKC[data-sku-simple], .c-product-card[data-sku-simple]', // ~2019 and ~2017 cards
  LINK: ['a[href*="/products/"]'], // the product link (also wraps the picture)
  TITLE: ['.RfADt a[title]', '.RfADt a', '.c16H9d a', '.c-product-card__name'], // title link: current, ~2019, ~2017
  PRICE: ['.ooOxS', '.c13VH6', '.c-product-card__price-final'], // price text: current, ~2019, ~2017
  IMAGE: ['img[type="product"]', 'img'], // card picture; alt repeats the title
};
