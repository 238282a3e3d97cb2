import type { ListingInput } from '../../shared/model.ts';
import { extractAlibabaItem, type AlibabaSite } from '../alibaba-ssr.ts';
import { canonicalUrl, itemIdFromUrl, skuIdFromUrl } from './detect.ts';
import { readPageData } from './page-data.ts';
import * as S from './selectors.ts';

// Item extraction for every Taobao generation at once: each field tries embedded data
// first, then the selectors (which are generation-specific, so they do not collide). The
// extraction itself is shared with Tmall (../alibaba-ssr.ts).

const TAOBAO: AlibabaSite = {
  marketplace: 'taobao',
  selectors: S,
  shopHost: /(^|\.)taobao\.com$/i,
  shopUrlForId: (shopId) => `https://shop${shopId}.taobao.com/`,
  itemIdFromUrl,
  skuIdFromUrl,
  canonicalUrl,
};

export function extractItem(doc: Document, url: URL): ListingInput | null {
  return extractAlibabaItem(doc, url, readPageData(doc), TAOBAO);
}
