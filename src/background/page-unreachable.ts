import { ext } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { siteFor } from '../sites/definitions.ts';

/**
 * A command or the link menu reached a marketplace tab whose page has no content script of
 * ours (opened before the extension was installed, updated or reloaded): nothing on the page
 * can answer, so the browser says what to do. Other pages stay quiet: a shortcut pressed
 * elsewhere simply has nothing to act on.
 */
export async function sayPageUnreachable(tab?: { id?: number; url?: string }): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(tab?.url ?? '');
  } catch {
    return false;
  }
  if (!siteFor(url)) return false;
  await ext.notifications.create(`page-unreachable:${tab?.id ?? 0}`, {
    type: 'basic',
    iconUrl: ext.runtime.getURL('icons/icon-128.png'),
    title: t('notify_page_unreachable_title'),
    message: t('notify_page_unreachable'),
    priority: 1,
  });
  return true;
}
