import { TAB_NS, TabMessages, type TabMessageName, type TabRequestOf, type TabResponseOf } from '../../shared/messages.ts';
import { sendToTab } from '../../shared/browser.ts';

/**
 * Asks our content script in the tab's top frame, and checks its answer: what comes back
 * was measured on a page we do not trust, so it is bounded like anything else from there.
 */
export async function askTab<K extends TabMessageName>(tabId: number, type: K, payload: TabRequestOf<K>): Promise<TabResponseOf<K>> {
  const answer: unknown = await sendToTab(tabId, { ns: TAB_NS, type, payload });
  const parsed = TabMessages[type].response.safeParse(answer);
  if (!parsed.success) throw new Error(`The page answered ${type} unexpectedly.`);
  return parsed.data as TabResponseOf<K>;
}
