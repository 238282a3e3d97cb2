import type { SiteAdapter } from '../adapter.ts';
import { extractCards } from './cards.ts';
import { extractItem } from './extract.ts';
import { lazadaSite } from './site.ts';

export const lazadaAdapter: SiteAdapter = {
  ...lazadaSite,
  extractItem,
  extractCards,
};
