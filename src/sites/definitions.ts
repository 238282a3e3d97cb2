import type { SiteDefinition } from './adapter.ts';
import { alibaba1688Site } from './alibaba1688/site.ts';
import { aliexpressSite } from './aliexpress/site.ts';
import { lazadaSite } from './lazada/site.ts';
import { taobaoSite } from './taobao/site.ts';
import { tmallSite } from './tmall/site.ts';

// The sites from their URL rules alone. The manifest and the worker import this list, never
// the registry: the page readers belong in content scripts only.

/** Every site we know, in the registry's order. */
export const sites: readonly SiteDefinition[] = [taobaoSite, tmallSite, lazadaSite, aliexpressSite, alibaba1688Site];

export function siteFor(url: URL): SiteDefinition | null {
  return sites.find((s) => s.handles(url)) ?? null;
}
