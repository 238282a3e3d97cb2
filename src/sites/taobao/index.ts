import type { SiteAdapter } from '../adapter.ts';
import { withDeclaredCanonical } from '../canonical.ts';
import { extractCards, findCards, readCard } from './cards.ts';
import { extractItem } from './extract.ts';
import { taobaoSite } from './site.ts';

export const taobaoAdapter: SiteAdapter = {
  ...taobaoSite,
  extractItem: withDeclaredCanonical(taobaoSite, extractItem),
  extractCards,
  findCards,
  readCard,
};
