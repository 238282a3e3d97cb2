import type { SiteAdapter } from '../adapter.ts';
import { canonicalUrl, examples, handles, pageKind } from './detect.ts';
import { extractItem } from './extract.ts';

export const alibaba1688Adapter: SiteAdapter = {
  id: '1688',
  examples,
  handles,
  pageKind,
  extractItem,
  canonicalUrl,
};
