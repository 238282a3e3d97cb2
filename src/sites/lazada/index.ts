import type { SiteAdapter } from '../adapter.ts';
import { withDeclaredCanonical } from '../canonical.ts';
import { extractCards } from './cards.ts';
import { completeListing } from './complete.ts';
import { extractItem } from './extract.ts';
import { lazadaSite } from './site.ts';

export const lazadaAdapter: SiteAdapter = {
  ...lazadaSite,
  extractItem: withDeclaredCanonical(lazadaSite, extractItem),
  extractCards,
  completeListing,
};
