import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { BASE_ARGS, chromiumPath } from '../test/e2e/harness/chromium.ts';
import { hostResolverRules } from '../test/e2e/harness/fixture-server.ts';
import { launch, removeDir, type Browser } from '../test/e2e/harness/extension.ts';

// Browsers for the benchmark. Hosts other than the marketplaces' (image CDNs the fixtures
// name) fail at once (hostResolverRules): without this the page's `load` waits seconds for
// DNS that never answers, and that wait, not our work, would dominate every figure.

export interface Plain {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium without the extension, set up like the one with it. */
export async function launchPlain(fixturePort: number): Promise<Plain> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'tdf-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...BASE_ARGS, `--host-resolver-rules=${hostResolverRules(fixturePort)}`],
  });
  return { context, close: async () => (await context.close(), await removeDir(profile)) };
}

/** Chromium with the built extension (a copy of dist/ in `extensionDir`). */
export async function launchWith(extensionDir: string, fixturePort: number): Promise<Browser & { closeAll(): Promise<void> }> {
  const b = await launch({ extensionDir, fixturePort });
  return Object.assign(b, { closeAll: async () => (await b.close(), await removeDir(b.userDataDir)) });
}
