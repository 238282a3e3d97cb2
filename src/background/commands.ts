import { askTab } from './capture/tab-link.ts';
import { ext } from '../shared/browser.ts';
import { sayPageUnreachable } from './page-unreachable.ts';
import type { TabMessageName } from '../shared/messages.ts';

export const FLAG_COMMAND = 'flag-listing';
export const TOGGLE_COMMAND = 'toggle-selection';
export const FLAG_SELECTION_COMMAND = 'flag-selection';

/** Which order each keyboard command gives the content script of the active tab. */
const ORDERS: Record<string, 'openFlagForm' | 'toggleFocusedCard' | 'openSelectionForm'> = {
  [FLAG_COMMAND]: 'openFlagForm',
  [TOGGLE_COMMAND]: 'toggleFocusedCard',
  [FLAG_SELECTION_COMMAND]: 'openSelectionForm',
} satisfies Record<string, TabMessageName>;

/** Our commands, in the order the UI lists them. */
export const COMMAND_NAMES = Object.keys(ORDERS);

/**
 * A keyboard command goes to the active tab's page, which knows what has focus. Pressing
 * any of our commands grants activeTab on that tab, so a flag that follows gets its
 * screenshot even without <all_urls>. False when the page had nothing to act on.
 */
export async function onCommand(command: string, tab?: chrome.tabs.Tab): Promise<boolean> {
  const order = Object.hasOwn(ORDERS, command) ? ORDERS[command]! : null;
  if (!order) return false;
  const target = tab?.id !== undefined ? tab : (await ext.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target?.id === undefined) return false;
  // A tab without our content script has nothing to open; on a marketplace page, that is a
  // page opened before an install or update, and the user is told to reload it.
  const answer = await askTab(target.id, order, {}).catch(() => null);
  if (!answer) return void (await sayPageUnreachable(target)), false;
  return 'opened' in answer ? answer.opened : answer.done;
}
