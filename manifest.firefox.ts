import type { ManifestV3Export } from '@crxjs/vite-plugin';
import chromeManifest from './manifest.config.ts';

/** The add-on's id on addons.mozilla.org: it keys the user's data, so it never changes. */
export const GECKO_ID = 'takedown-flagger@anti-counterfeiting-alliance.org';

// 140 ESR: the first that reads data_collection_permissions (AMO requires the key).
export const GECKO_MIN_VERSION = '140.0';

type Manifest = Record<string, unknown> & { permissions?: string[] };

/**
 * The Firefox manifest, derived from the Chrome one so that the two cannot drift: the same
 * pages, content scripts and host permissions, with what Firefox does differently.
 * - An event page (background.scripts) instead of a service worker, which Firefox disables.
 * - No pageCapture (Firefox has none): the worker archives the serialized HTML instead and
 *   the capture manifest says why there is no MHTML.
 * - Host permissions stay in host_permissions: Firefox shows them at install and lets the
 *   user withdraw them; <all_urls> for screenshots is asked for at first use, as in Chrome.
 */
export function firefoxManifest(base: Manifest): Manifest {
  const { minimum_chrome_version: _chromeOnly, background: _worker, ...rest } = base;
  return {
    ...rest,
    permissions: (base.permissions ?? []).filter((p) => p !== 'pageCapture'),
    background: { scripts: ['src/background/index.ts'], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        // What a flag sends to the alliance service the user configures: the flagged page's
        // address and its content (listing, screenshot, archive). Nothing else leaves.
        data_collection_permissions: { required: ['browsingActivity', 'websiteContent'] },
      },
      // Firefox for Android reads that key from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

export default firefoxManifest(chromeManifest as unknown as Manifest) as unknown as ManifestV3Export;
