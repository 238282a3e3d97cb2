import type { SiteAdapter } from './adapter.ts';
import { taobaoAdapter } from './taobao/index.ts';

/** Every site we know; core code reaches sites only through this list. */
export const adapters: readonly SiteAdapter[] = [taobaoAdapter];

export function adapterFor(url: URL): SiteAdapter | null {
  return adapters.find((a) => a.handles(url)) ?? null;
}
