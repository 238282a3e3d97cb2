import type { SiteAdapter } from '../adapter.ts';
import { extractCards } from './cards.ts';
import { canonicalUrl, examples, handles, pageKind } from './detect.ts';
import { extractItem } from './extract.ts';

export const tmallAdapter: SiteAdapter = {
  id: 'tmall',
  examples,
  handles,
  pageKind,
  extractItem,
  extractCards,
  canonicalUrl,
};
