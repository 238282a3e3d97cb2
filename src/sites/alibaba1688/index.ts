import type { SiteAdapter } from '../adapter.ts';
import { withDeclaredCanonical } from '../canonical.ts';
import { extractCards } from './cards.ts';
import { extractItem } from './extract.ts';
import { alibaba1688Site } from './site.ts';

export const alibaba1688Adapter: SiteAdapter = {
  ...alibaba1688Site,
  extractItem: withDeclaredCanonical(alibaba1688Site, extractItem),
  extractCards,
};
