import type { SiteAdapter } from './adapter.ts';
import { alibaba1688Adapter } from './alibaba1688/index.ts';
import { aliexpressAdapter } from './aliexpress/index.ts';
import { lazadaAdapter } from './lazada/index.ts';
import { taobaoAdapter } from './taobao/index.ts';
import { tmallAdapter } from './tmall/index.ts';

/** Every site we know; core code reaches sites only through this list. */
export const adapters: readonly SiteAdapter[] = [taobaoAdapter, tmallAdapter, lazadaAdapter, aliexpressAdapter, alibaba1688Adapter];

export function adapterFor(url: URL): SiteAdapter | null {
  return adapters.find((a) => a.handles(url)) ?? null;
}
