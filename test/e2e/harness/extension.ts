import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { BASE_ARGS, chromiumPath } from './chromium.ts';
import { hostResolverRules } from './fixture-server.ts';
import { apiTarget } from './api-target.ts';

/** An integrator's own API (TDF_E2E_API_URL) is the one host besides loopback the browser may reach. */
const reachable = () => {
  const { url } = apiTarget();
  return url ? [new URL(url).hostname] : [];
};

export const DIST = path.resolve(import.meta.dirname, '../../../dist');

export interface BuiltManifest {
  action: { default_popup: string };
  options_ui: { page: string };
  host_permissions: string[];
  optional_host_permissions?: string[];
}

/**
 * A copy of dist/ whose manifest already grants the optional <all_urls> (screenshots):
 * headless tests cannot click a permission prompt.
 */
export async function prepareExtension(opts: { grantAllUrls: boolean }): Promise<string> {
  if (!existsSync(path.join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-ext-'));
  await cp(DIST, dir, { recursive: true });
  if (opts.grantAllUrls) {
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as BuiltManifest;
    manifest.host_permissions = [...manifest.host_permissions, '<all_urls>'];
    await writeFile(file, JSON.stringify(manifest, null, 2));
  }
  return dir;
}

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's worker as last seen started (Chrome may have stopped it since). */
  readonly worker: Worker;
  /** The worker, running: started over CDP when Chrome had stopped it (idle, or killed). */
  liveWorker(): Promise<Worker>;
  manifest: BuiltManifest;
  userDataDir: string;
  open(pathInExtension: string): Promise<Page>;
  popup(): Promise<Page>;
  options(): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(opts: { extensionDir: string; fixturePort: number; userDataDir?: string; args?: string[] }): Promise<Browser> {
  const userDataDir = opts.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tdf-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...BASE_ARGS,
      `--disable-extensions-except=${opts.extensionDir}`,
      `--load-extension=${opts.extensionDir}`,
      `--host-resolver-rules=${hostResolverRules(opts.fixturePort, reachable())}`,
      ...(opts.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const manifest = JSON.parse(await readFile(path.join(opts.extensionDir, 'manifest.json'), 'utf8')) as BuiltManifest;
  const open = async (p: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${p}`);
    return page;
  };
  // Chrome stops an idle or killed worker; Playwright keeps the same handle for the one it
  // starts next, and evaluate() on a stopped worker waits until something else wakes it
  // (a minute, in practice). liveWorker() starts it over CDP first, which is a no-op when
  // it runs. A handle announced later (a browser that did start a new target) replaces it.
  let latest = worker;
  context.on('serviceworker', (w) => {
    if (w.url().startsWith(`chrome-extension://${extensionId}/`)) latest = w;
  });
  const liveWorker = async (): Promise<Worker> => {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    try {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionId}/` });
    } finally {
      await cdp.detach().catch(() => undefined);
    }
    return latest;
  };
  return {
    context,
    extensionId,
    get worker() {
      return latest;
    },
    liveWorker,
    manifest,
    userDataDir,
    open,
    popup: () => open(manifest.action.default_popup),
    options: () => open(manifest.options_ui.page),
    close: () => context.close(),
  };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
