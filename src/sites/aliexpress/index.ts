import type { SiteAdapter } from '../adapter.ts';
import { extractCards } from './cards.ts';
import { canonicalUrl, examples, handles, pageKind } from './detect.ts';
import { extractItem } from './extract.ts';

export const aliexpressAdapter: SiteAdapter = {
  id: 'aliexpress',
  examples,
  handles,
  pageKind,
  extractItem,
  extractCards,
  canonicalUrl,
};
