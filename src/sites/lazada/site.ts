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
  examples,
  handles,
  pageKind,
  itemIdFromUrl,
  canonicalUrl,
};
