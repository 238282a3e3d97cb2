import { askTab } from './capture/tab-link.ts';
import { ext } from '../shared/browser.ts';

export const FLAG_COMMAND = 'flag-listing';

/**
 * The keyboard command: open the flag form in the active tab. The command itself grants
 * activeTab on that tab, so the flag that follows gets its screenshot even without <all_urls>.
 */
export async function onCommand(command: string, tab?: chrome.tabs.Tab): Promise<boolean> {
  if (command !== FLAG_COMMAND) return false;
  const id = tab?.id ?? (await ext.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (id === undefined) return false;
  // A tab without our content script (not a marketplace page) has nothing to open.
  const answer = await askTab(id, 'openFlagForm', {}).catch(() => null);
  return answer?.opened ?? false;
}
