import type { ListingInput } from '../../shared/model.ts';
import { extractAlibabaItem, type AlibabaSite } from '../alibaba-ssr.ts';
import { canonicalUrl, itemIdFromUrl, skuIdFromUrl } from './detect.ts';
import { readPageData } from './page-data.ts';
import { ITEM } from './selectors.ts';

// Tmall item pages: the same extraction as Taobao's (../alibaba-ssr.ts) with Tmall's
// selectors, page data and addresses.

const TMALL: AlibabaSite = {
  marketplace: 'tmall',
  selectors: ITEM,
  shopHost: /(^|\.)tmall\.(com|hk)$/i,
  // Tmall shops live at <name>.tmall.com; a numeric shop id alone does not give that name.
  shopUrlForId: () => null,
  itemIdFromUrl,
  skuIdFromUrl,
  canonicalUrl,
};

export function extractItem(doc: Document, url: URL): ListingInput | null {
  return extractAlibabaItem(doc, url, readPageData(doc), TMALL);
}
