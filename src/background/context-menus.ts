import { askTab } from './capture/tab-link.ts';
import { sayPageUnreachable } from './page-unreachable.ts';
import { annotationFor } from './annotate.ts';
import { ext } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { getPause } from '../shared/db/kv.ts';
import { latestByItems } from '../shared/db/requests.ts';
import type { ItemAnnotation } from '../shared/messages.ts';
import type { SiteDefinition } from '../sites/adapter.ts';
import { sites as allSites, siteFor } from '../sites/definitions.ts';

export const MENU_FLAG = 'flag-link';
export const MENU_SELECT = 'select-link';

const unique = (xs: readonly string[]) => [...new Set(xs)];

/**
 * Where the link menu appears, from the site definitions alone: on the pages our content
 * script runs on (it does the work), on links to any supported marketplace's listings
 * (a Taobao search lists Tmall items).
 */
export function menuPatterns(sites: readonly SiteDefinition[] = allSites) {
  return { documentUrlPatterns: unique(sites.flatMap((s) => s.matches)), targetUrlPatterns: unique(sites.flatMap((s) => s.itemLinks)) };
}

/** The menu items, as created; titles in the browser's UI language. */
export function menuItems(sites: readonly SiteDefinition[] = allSites): chrome.contextMenus.CreateProperties[] {
  const where = { contexts: ['link'] as ['link'], ...menuPatterns(sites) };
  return [
    { id: MENU_FLAG, title: t('menu_flag_link'), ...where },
    { id: MENU_SELECT, title: t('menu_add_to_selection'), ...where },
  ];
}

/**
 * Made once per install or update (runtime.onInstalled): Chrome keeps them across worker
 * restarts. Removed first, so that an update with other patterns or titles replaces them.
 */
export async function createMenus(): Promise<void> {
  const menus = ext.contextMenus;
  if (!menus) return;
  await menus.removeAll();
  for (const item of menuItems()) {
    await new Promise<void>((resolve) => {
      // An error (a duplicate id after a racing second install event) is read, not thrown.
      menus.create(item, () => (void ext.runtime.lastError, resolve()));
    });
  }
}

/** What a link names: its marketplace, item id and the listing's one address; null when no listing. */
export function listingOfLink(linkUrl: string): { marketplace: string; itemId: string; url: string } | null {
  let url: URL;
  try {
    url = new URL(linkUrl);
  } catch {
    return null;
  }
  const site = siteFor(url);
  const itemId = site?.itemIdFromUrl(url);
  return site && itemId ? { marketplace: site.id, itemId, url: site.canonicalUrl(url, itemId) } : null;
}

/** This device's latest request for the listing, if any: the page asks before flagging it again. */
export async function existingRequest(link: { marketplace: string; itemId: string } | null): Promise<ItemAnnotation | null> {
  if (!link) return null;
  const key = `${link.marketplace}:${link.itemId}`;
  const [found, paused] = await Promise.all([latestByItems([key]), getPause()]);
  const record = found.get(key);
  return record ? annotationFor(record, paused !== null) : null;
}

/**
 * A click on one of our menu items: the tab's content script finds the card around the
 * link and acts (the flag form for it, or the selection). Only our items, only in a tab.
 * The click itself granted activeTab on that tab, for the screenshot of the flag.
 */
export async function onMenuClicked(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): Promise<boolean> {
  const action = info.menuItemId === MENU_FLAG ? 'flag' : info.menuItemId === MENU_SELECT ? 'select' : null;
  if (!action || tab?.id === undefined || !info.linkUrl) return false;
  const link = listingOfLink(info.linkUrl);
  const existing = await existingRequest(link).catch(() => null);
  const answer = await askTab(tab.id, 'linkMenu', { action, linkUrl: info.linkUrl.slice(0, 8192), link, existing }).catch(() => null);
  // The menu shows only on marketplace pages: no answer means a page older than our install.
  if (!answer) await sayPageUnreachable(tab);
  return answer?.done ?? false;
}
