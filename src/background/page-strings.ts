import { ext } from '../shared/browser.ts';
import { SLOTS } from '../shared/i18n.ts';

let resolved: Promise<Record<string, string>> | null = null;

/**
 * Every message of the catalogue the browser chose, as templates (substitutions marked with
 * i18n.ts SLOTS), for marketplace pages (src/content/page-strings.ts). The keys come from the
 * default locale's file, which has every message; the texts from getMessage, so the page
 * shows exactly what the browser's own i18n would. Resolved once per worker.
 */
export function pageStrings(): Promise<Record<string, string>> {
  resolved ??= catalogueKeys().then(
    (keys) => Object.fromEntries(keys.map((key) => [key, ext.i18n.getMessage(key, SLOTS)])),
    (err: unknown) => ((resolved = null), Promise.reject(err)),
  );
  return resolved;
}

async function catalogueKeys(): Promise<string[]> {
  const locale = ext.runtime.getManifest().default_locale ?? 'en';
  const res = await fetch(ext.runtime.getURL(`_locales/${locale}/messages.json`));
  if (!res.ok) throw new Error(`The extension's own catalogue could not be read (${res.status}).`);
  return Object.keys((await res.json()) as Record<string, unknown>);
}
