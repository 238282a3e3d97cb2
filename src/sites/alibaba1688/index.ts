import type { SiteAdapter } from '../adapter.ts';
import { extractItem } from './extract.ts';
import { alibaba1688Site } from './site.ts';

export const alibaba1688Adapter: SiteAdapter = {
  ...alibaba1688Site,
  extractItem,
};
