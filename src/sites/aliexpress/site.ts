import type { SiteDefinition } from '../adapter.ts';
import { canonicalUrl, examples, handles, itemIdFromUrl, pageKind } from './detect.ts';

// AliExpress as the manifest and the worker see it: URL rules only, no page reading.
export const aliexpressSite: SiteDefinition = {
  id: 'aliexpress',
  matches: ['*://www.aliexpress.com/*', '*://*.aliexpress.com/*', '*://aliexpress.us/*', '*://www.aliexpress.us/*'],
  itemLinks: ['*://*.aliexpress.com/item/*', '*://*.aliexpress.com/i/*', '*://*.aliexpress.com/store/product/*', '*://*.aliexpress.com/app/detail.html*', '*://*.aliexpress.us/item/*'],
  examples,
  handles,
  pageKind,
  itemIdFromUrl,
  canonicalUrl,
};
