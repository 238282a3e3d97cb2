// `npm start`: the main job on one machine. The extension is already built (package.json
// runs `vite build` first); this starts the sandbox API, serves the saved marketplace pages
// at their real hostnames, and opens Chromium with the extension loaded and connected when
// there is a display. Without one it prints exactly how to load dist/ and connect.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createSandbox } from './server.ts';
import { DEMO_MEMBER, DEMO_TOKEN } from './demo.ts';
import { BASE_ARGS } from '../test/e2e/harness/chromium.ts';
import { hostResolverRules, startFixtureServer } from '../test/e2e/harness/fixture-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const port = Number(process.env.SANDBOX_PORT ?? 8787);

const sandbox = await createSandbox({
  port,
  dataDir: process.env.SANDBOX_DATA_DIR ?? path.join(root, '.sandbox-data'),
  reviewerPaceMs: Number(process.env.SANDBOX_PACE_MS ?? 20_000),
  log: true,
});
const demoItem = 'http://item.taobao.com/item.htm?id=637145790668';
const fixtures = await startFixtureServer([
  { host: 'item.taobao.com', path: '/item.htm', query: { id: '637145790668' }, fixture: 'taobao/item-ssr2025.html' },
]);

const browserPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

console.log(`
Alliance API sandbox   ${sandbox.url}
Demo token             ${DEMO_TOKEN}   (${DEMO_MEMBER.memberName})
Built extension        ${dist}
Sandbox data           ${sandbox.dataDir}
Sandbox TSA            ${sandbox.tsaUrl}   (root certificate ${await sandbox.tsaRootPath()})
`);

if (hasDisplay && browserPath) {
  const context = await chromium.launchPersistentContext(path.join(root, '.start-profile'), {
    executablePath: browserPath,
    headless: false,
    viewport: null,
    args: [...BASE_ARGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, `--host-resolver-rules=${hostResolverRules(fixtures.port)}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/src/options/index.html`);
  await options.getByTestId('api-base-url').fill(sandbox.url);
  await options.getByTestId('api-token').fill(DEMO_TOKEN);
  // Every capture of the demo is stamped by the sandbox's own TSA.
  await options.getByTestId('tsa-urls').fill(sandbox.tsaUrl);
  await options.getByTestId('save-settings').click();
  const demo = await context.newPage();
  await demo.goto(demoItem);
  console.log(`Chromium is open with the extension connected to the sandbox.
A demo Taobao listing is open at ${demoItem} (served locally): click "Flag", then watch the toolbar popup.
Close the browser or press Ctrl-C to stop.`);
  context.on('close', () => void shutdown());
} else {
  console.log(`No display${browserPath ? '' : ' or no Chromium'} here, so no browser was opened. To use the extension:
  1. In Chrome or Chromium open chrome://extensions, switch on "Developer mode",
     click "Load unpacked" and choose ${dist}
  2. Open the extension's options (Details → Extension options) and enter
       API base URL  ${sandbox.url}
       API token     ${DEMO_TOKEN}
       Timestamp authorities  ${sandbox.tsaUrl}
     then click Save: the connection status turns green and lists ${DEMO_MEMBER.memberName}'s IP rights.
  3. Open a Taobao item page (item.taobao.com/item.htm?id=…) and click "Flag".
     To use the saved demo page instead, start Chromium with
       --host-resolver-rules="MAP item.taobao.com 127.0.0.1:${fixtures.port}"
     and open ${demoItem}
Press Ctrl-C to stop the sandbox.`);
}

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) process.exit(1);
  closing = true;
  await Promise.allSettled([sandbox.close(), fixtures.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
