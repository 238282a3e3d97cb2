import type { SiteDefinition } from '../adapter.ts';
import { canonicalUrl, examples, handles, itemIdFromUrl, pageKind } from './detect.ts';

// 1688 as the manifest and the worker see it: URL rules only, no page reading.
// Every subdomain: sellers' shops live on their own (<shop>.1688.com/page/offerlist.htm),
// and the mobile offer page on detail.m.1688.com.
export const alibaba1688Site: SiteDefinition = {
  id: '1688',
  matches: ['*://*.1688.com/*'],
  itemLinks: ['*://detail.1688.com/offer/*', '*://m.1688.com/offer/*', '*://detail.m.1688.com/page/index.html*'],
  examples,
  handles,
  pageKind,
  itemIdFromUrl,
  canonicalUrl,
};
