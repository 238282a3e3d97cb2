import type { SiteAdapter } from '../adapter.ts';
import { withDeclaredCanonical } from '../canonical.ts';
import { extractCards } from './cards.ts';
import { extractItem } from './extract.ts';
import { tmallSite } from './site.ts';

export const tmallAdapter: SiteAdapter = {
  ...tmallSite,
  extractItem: withDeclaredCanonical(tmallSite, extractItem),
  extractCards,
};
