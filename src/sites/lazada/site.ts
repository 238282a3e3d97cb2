import type { SiteDefinition } from '../adapter.ts';
import { canonicalUrl, examples, handles, itemIdFromUrl, pageKind } from './detect.ts';

// Lazada (six country sites) as the manifest and the worker see it: URL rules only.
export const lazadaSite: SiteDefinition = {
  id: 'lazada',
  matches: [
    '*://www.lazada.com.my/*',
    '*://www.lazada.sg/*',
    '*://www.lazada.co.th/*',
    '*://www.lazada.com.ph/*',
    '*://www.lazada.co.id/*',
    '*://www.lazada.vn/*',
  ],
  // Every country site's product pages (/products/…-i<item>….html).
  itemLinks: ['*://www.lazada.com.my/products/*', '*://www.lazada.sg/products/*', '*://www.lazada.co.th/products/*', '*://www.lazada.com.ph/products/*', '*://www.lazada.co.id/products/*', '*://www.lazada.vn/products/*'],
  examples,
  handles,
  pageKind,
  itemIdFromUrl,
  canonicalUrl,
};
