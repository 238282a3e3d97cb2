import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../manifest.firefox.ts';
import { removeDir, type BuiltManifest } from './extension.ts';

export const DIST_FIREFOX = path.resolve(import.meta.dirname, '../../../dist-firefox');

// A fixed moz-extension UUID (Firefox otherwise picks a random one per profile), so tests
// know the extension's origin before it starts.
const UUID = '6f1d1f7e-2c4b-4d7a-9a3e-0c5b7d1e2f30';
export const ORIGIN = `moz-extension://${UUID}`;

/** The marketplace hosts the fixture server answers for, as in the Chromium host rules. */
const HOSTS = ['taobao.com', 'tmall.com', 'tmall.hk', 'lazada.com.my', 'lazada.sg', 'lazada.co.th', 'lazada.com.ph', 'lazada.co.id', 'lazada.vn', 'aliexpress.com', 'aliexpress.us', '1688.com'];

/** Debian's firefox-esr; never a downloaded browser. */
export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'].find((p): p is string => Boolean(p) && existsSync(p!));
  if (!found) throw new Error("Firefox was not found: run `sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH), then run the tests again.");
  return found;
}

/**
 * Firefox has no --host-resolver-rules: a PAC script sends the marketplace hosts to the
 * fixture server as an HTTP proxy (it serves by the Host header) and everything else direct.
 */
function pac(fixturePort: number): string {
  const re = `/(^|\\.)(${HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})$/`;
  return `function FindProxyForURL(url, host) { return ${re}.test(host) ? "PROXY 127.0.0.1:${fixturePort}" : "DIRECT"; }`;
}

export interface FirefoxExtension {
  browser: Browser;
  manifest: BuiltManifest;
  /** An extension page in a tab (Firefox refuses WebDriver navigation to moz-extension: URLs, so the extension's own tab navigates). */
  open(pathInExtension: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Firefox 153 ESR headless with the Firefox build installed as a temporary add-on over
 * WebDriver BiDi. The copy's manifest also holds <all_urls>, as a user grants it for
 * screenshots (headless tests cannot click a permission prompt).
 */
export async function launchFirefox(opts: { fixturePort: number }): Promise<FirefoxExtension> {
  if (!existsSync(path.join(DIST_FIREFOX, 'manifest.json'))) throw new Error('dist-firefox/ is missing: run `npm run build:firefox` first.');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-ffext-'));
  await cp(DIST_FIREFOX, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as BuiltManifest;
  manifest.host_permissions = [...manifest.host_permissions, '<all_urls>'];
  await writeFile(file, JSON.stringify(manifest, null, 2));

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:text/plain,${encodeURIComponent(pac(opts.fixturePort))}`,
    },
  });
  await browser.installExtension(dir);

  // The welcome page the add-on opens on install is our foothold among extension pages.
  const extensionTab = async (): Promise<Page> => {
    const end = Date.now() + 15_000;
    while (Date.now() < end) {
      for (const p of await browser.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(ORIGIN)) return p;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('The add-on opened no page of its own after install.');
  };
  const home = await extensionTab();

  return {
    browser,
    manifest,
    async open(p: string) {
      const before = new Set(await browser.pages());
      // tabs.create, not window.open: Firefox blocks a pop-up that no user gesture opened.
      await home.evaluate((url) => (globalThis as unknown as { browser: typeof chrome }).browser.tabs.create({ url }).then(() => undefined), `${ORIGIN}/${p}`);
      const end = Date.now() + 15_000;
      while (Date.now() < end) {
        for (const page of await browser.pages()) {
          if (before.has(page)) continue;
          const href = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
          if (href.startsWith(`${ORIGIN}/${p.split('#')[0]}`)) return page;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`The extension page ${p} did not open.`);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await removeDir(dir);
    },
  };
}
