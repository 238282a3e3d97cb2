import type { SiteAdapter } from '../adapter.ts';
import { extractCards } from './cards.ts';
import { extractItem } from './extract.ts';
import { taobaoSite } from './site.ts';

export const taobaoAdapter: SiteAdapter = {
  ...taobaoSite,
  extractItem,
  extractCards,
};
