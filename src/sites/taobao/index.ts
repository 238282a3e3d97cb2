import type { SiteAdapter } from '../adapter.ts';
import { canonicalUrl, examples, handles, pageKind } from './detect.ts';
import { extractCards, findCards, readCard } from './cards.ts';
import { extractItem } from './extract.ts';

export const taobaoAdapter: SiteAdapter = {
  id: 'taobao',
  examples,
  handles,
  pageKind,
  extractItem,
  extractCards,
  findCards,
  readCard,
  canonicalUrl,
  // Taobao search results carry Tmall items (their cards link to detail.tmall.com).
  alsoLists: ['tmall'],
};
