import { ext } from '../shared/browser.ts';

/** Opens the printable evidence report of these requests in a tab (the popup closes when it does). */
export function openReport(clientRequestIds: readonly string[]): void {
  const url = ext.runtime.getURL(`src/popup/report.html?ids=${clientRequestIds.map(encodeURIComponent).join(',')}`);
  void ext.tabs.create({ url });
}
