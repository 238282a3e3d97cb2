import { kvDelete, kvDeletePrefix, kvGet, kvPut } from '../shared/db/kv.ts';
import { selectionKey, type TabSelection } from '../shared/db/kv-keys.ts';
import { Listing } from '../shared/model.ts';
import { searchKey } from '../shared/search-key.ts';
import { siteFor } from '../sites/definitions.ts';
import { t } from '../shared/i18n.ts';

/**
 * The selection of a search, per tab, kept by the worker in its IndexedDB: it outlives the
 * result page it was made on (paging to the next page, a full navigation) and a stopped
 * worker, and the page (hostile) never holds it. It belongs to one search: another search in
 * the tab starts with nothing selected (the earlier one is replaced once something is selected
 * there). Each listing keeps the page it was selected on (the browser's `sender.tab.url`),
 * which its request records when it is flagged from another page.
 */

// One change at a time: two clicks' messages must land in the order they were sent.
let chain: Promise<unknown> = Promise.resolve();

export interface SelectionTab {
  id: number;
  url: string;
}

/**
 * The tab's selection for the search its page belongs to (empty for another search), after
 * the changes already sent: a page that pages on within the site (pushState) sends its last
 * change and the next page asks at once.
 */
export async function getSelection(tab: SelectionTab): Promise<TabSelection['items']> {
  await chain;
  return read(tab);
}

async function read(tab: SelectionTab): Promise<TabSelection['items']> {
  const stored = (await kvGet(selectionKey(tab.id))) as TabSelection | undefined;
  return stored && stored.search === searchKey(tab.url) ? stored.items : [];
}

/**
 * Replaces the tab's selection with `raw` (what the page sends is checked like a flag: each
 * listing against the schema and the tab's site). Listings already selected keep the page they
 * were selected on; new ones get this page. Empty: the selection is gone (flagged or cleared).
 */
type SetAnswer = { ok: true; count: number } | { ok: false; error: { code: string; message: string } };


export function setSelection(tab: SelectionTab, raw: unknown[], now: Date, again: string[] = []): Promise<SetAnswer> {
  const next = chain.then(() => replace(tab, raw, now, new Set(again)));
  chain = next.catch(() => undefined);
  return next;
}

async function replace(tab: SelectionTab, raw: unknown[], now: Date, again: Set<string>): Promise<SetAnswer> {
  const site = siteFor(new URL(tab.url));
  if (!site) return { ok: false, error: { code: 'wrong_site', message: t('worker_error_wrong_site') } };
  const listings: Listing[] = [];
  for (const item of raw) {
    const parsed = Listing.safeParse(item);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_listing', message: t('worker_error_invalid_listing', parsed.error.issues[0]?.message ?? 'invalid') } };
    if (parsed.data.marketplace !== site.id && !site.alsoLists?.includes(parsed.data.marketplace)) return { ok: false, error: { code: 'wrong_site', message: t('worker_error_foreign_listing') } };
    listings.push(parsed.data);
  }
  const key = selectionKey(tab.id);
  if (!listings.length) {
    await kvDelete(key);
    return { ok: true, count: 0 };
  }
  const before = new Map((await read(tab)).map((i) => [i.listing.itemId, i]));
  const page = tab.url.split('#')[0]!;
  const items = listings.map((listing) => ({
    ...(before.get(listing.itemId) ?? { listing, selectedOn: page, selectedAt: now.toISOString() }),
    again: again.has(listing.itemId),
  }));
  await kvPut(key, { search: searchKey(tab.url), items });
  return { ok: true, count: items.length };
}

/** The tab was closed: its selection with it. */
export async function dropSelection(tabId: number): Promise<void> {
  await kvDelete(selectionKey(tabId));
}

/** At browser start tab ids begin again: no selection may be handed to a stranger's tab. */
export async function dropAllSelections(): Promise<void> {
  await kvDeletePrefix('selection:');
}
