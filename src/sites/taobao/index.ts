import type { SiteAdapter } from '../adapter.ts';
import { extractCards, findCards, readCard } from './cards.ts';
import { extractItem } from './extract.ts';
import { taobaoSite } from './site.ts';

export const taobaoAdapter: SiteAdapter = {
  ...taobaoSite,
  extractItem,
  extractCards,
  findCards,
  readCard,
};
