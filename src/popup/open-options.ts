import browser from 'webextension-polyfill';

export function openOptions(): void {
  void browser.runtime.openOptionsPage().then(() => window.close());
}
