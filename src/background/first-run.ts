import { ext } from '../shared/browser.ts';
/** The options page in its welcome mode: what the extension does, and the screenshot permission with the reason. */
export function welcomeUrl(): string {
  const manifest = ext.runtime.getManifest() as chrome.runtime.Manifest & { options_ui?: { page?: string }; options_page?: string };
  const page = manifest.options_ui?.page ?? manifest.options_page ?? 'src/options/index.html';
  return ext.runtime.getURL(`${page}#welcome`);
}

/** A fresh install opens the welcome page once; updates and browser restarts do not. */
export async function onInstalled(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  await ext.tabs.create({ url: welcomeUrl() });
}
