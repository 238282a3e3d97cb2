import type { SiteAdapter } from '../adapter.ts';
import { withDeclaredCanonical } from '../canonical.ts';
import { extractCards } from './cards.ts';
import { extractItem } from './extract.ts';
import { aliexpressSite } from './site.ts';

export const aliexpressAdapter: SiteAdapter = {
  ...aliexpressSite,
  extractItem: withDeclaredCanonical(aliexpressSite, extractItem),
  extractCards,
};
