import type { SiteAdapter } from '../adapter.ts';
import { extractCards } from './cards.ts';
import { extractItem } from './extract.ts';
import { aliexpressSite } from './site.ts';

export const aliexpressAdapter: SiteAdapter = {
  ...aliexpressSite,
  extractItem,
  extractCards,
};
