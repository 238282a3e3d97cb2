import type { SiteAdapter } from '../adapter.ts';
import { extractCards } from './cards.ts';
import { extractItem } from './extract.ts';
import { tmallSite } from './site.ts';

export const tmallAdapter: SiteAdapter = {
  ...tmallSite,
  extractItem,
  extractCards,
};
