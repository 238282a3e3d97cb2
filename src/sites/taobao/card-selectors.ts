// Taobao search and shop-page cards, in the order they are tried. Generations (spec
// marketplaces.md): search gen 1 (mainsrp, <= 2021, data in g_page_config), gen 2 (~2023,
// `Card--…` CSS modules), gen 3 (2024-26, `doubleCardWrapperAdapt--…`); shop pages old
// (J_TItems) and new (ProductShelf). Classes are matched on their stable prefix, never the
// hash. Each selector is exercised by test/fixtures/taobao/{search,shop}-*.html.

/** The card: the element annotated and selected, one per listing. */
export const CARD = [
  'a[id^="item_id_"]', // search gen 2 and 3: the card is the item link, id="item_id_<itemId>"
  '.J_MouserOnverReq[data-category="auctions"]', // search gen 1: div.item per auction
  '.J_TItems dl.item[data-id]', // old shop pages: dl per item, the id in data-id
  '[class*="ProductShelf"] [class*="cardContainer"]', // new shop pages: one container per item
];

/** Not listings, though they sit in the grid: suggested searches, recommendation strips. */
export const NOT_A_CARD = '[class*="suggestItemCard--"]';

export const ITEM_LINK = [
  'a[href*="item.htm"]', // every generation links the item page (ads go through click.simba instead)
];

export const TITLE = [
  '[class^="title--"][title]', // gen 3: div.title--<hash>, full title in its title attribute
  '[class*=" title--"][title]', // gen 3: the same when another class comes first
  '[class*="Title--title--"]', // gen 2: the title text (keyword highlighted in spans)
  'a[id^="J_Itemlist_TLink_"]', // gen 1: title link in row 2
  'a.item-name', // old shop: title link
  '[class*="ProductCard--title--"]', // new shop: title, full text in its title attribute
];

/** Gen 2 and 3 split the price: integer part here, decimals in the next priceFloat-- sibling. */
export const PRICE_INT = '[class*="priceInt--"]';
export const PRICE_FLOAT = '[class*="priceFloat--"]';

export const PRICE = [
  '.price strong', // gen 1: <div class="price g_price"><span>¥</span><strong>39.00</strong>
  '.cprice-area .c-price', // old shop: current price
  '[class*="ProductCard--priceWrap--"]', // new shop: symbol and amount
];

export const IMAGE = [
  'img[class*="mainPic--"]', // gen 2 (MainPic--mainPic--), gen 3 (mainPic--), new shop (ProductCard--mainPic--)
  'img[class*="mainP4pPic--"]', // gen 3: sponsored (P4P) cards
  'img.J_ItemPic', // gen 1: lazy, real URL in data-src
  'dt.photo img', // old shop: lazy, real URL in data-ks-lazyload
];

export const SHOP_NAME = [
  '[class*="shopNameText--"]', // gen 2 (ShopInfo--shopNameText--) and gen 3 (shopNameText--)
  'a.shopname span:last-child', // gen 1: shop link, the name after the rating icons
];

export const SHOP_LINK = [
  'a[class*="shopName--"][href]', // gen 2: the shop link the parser moved out of the item link
  'a.shopname[href]', // gen 1: the shop link
];

/** Gen 1 cards name the seller's user id on the shop link. */
export const SELLER_ID_ATTR = { selector: 'a.shopname[data-userid]', attr: 'data-userid' };

/** Shop pages: the seller is the page's, named in its header. */
export const PAGE_SHOP_NAME = [
  '.shop-name .shop-name-link', // old shop: header link
  '.slogo-shopname', // old shop (Tmall-style header)
  '[class*="ShopHeader--shopName--"]', // new shop header, full name in its title attribute
];

/** Shop pages carry ids in a meta tag: "…;shopId=143694441;userid=2136510393;" */
export const PAGE_IDS_META = 'meta[name="microscope-data"]';
