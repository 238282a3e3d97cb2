import { ext } from '../shared/browser.ts';

export function openOptions(): void {
  void ext.runtime.openOptionsPage().then(() => window.close());
}
