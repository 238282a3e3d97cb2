import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import path from 'node:path';
import { startFixtureServer } from '../test/e2e/harness/fixture-server.ts';
import { DIST, prepareExtension, removeDir } from '../test/e2e/harness/extension.ts';
import { launchWith } from './browser.ts';
import { generateSearchPage } from './generate-page.ts';

// `npx tsx bench/profile.ts [cards]`: a CPU profile (CDP Profiler) of the built extension's
// content script on a generated Taobao search page: load, annotate the cards in view, scroll
// to the bottom. Prints the content script's self time by function and writes the profile
// to bench/profile.cpuprofile (open it in DevTools' Performance panel). PROFILE_SCROLL=0:
// load only, no scrolling.

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

async function main() {
  const cards = Number(process.argv[2] ?? 528);
  const fixtures = await startFixtureServer([{ host: 's.taobao.com', path: '/search', html: generateSearchPage(cards) }]);
  const extensionDir = await prepareExtension({ grantAllUrls: false });
  const browser = await launchWith(extensionDir, fixtures.port);
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto('http://s.taobao.com/search?q=bench', { waitUntil: 'load' });
    await page.locator('[data-testid="select-listing"]').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    if (process.env.PROFILE_SCROLL !== '0') await page.evaluate(async () => {
      for (let i = 0; i < 400 && scrollY + innerHeight < document.documentElement.scrollHeight - 2; i++) {
        scrollBy(0, innerHeight * 0.9);
        await new Promise((r) => setTimeout(r, 32));
      }
    });
    await page.waitForTimeout(1000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await writeFile(path.join(import.meta.dirname, 'profile.cpuprofile'), JSON.stringify(profile));
    report(profile);
  } finally {
    await browser.closeAll();
    await fixtures.close();
    await removeDir(extensionDir);
  }
}

/** Self time per function of extension code, and the total under each extension entry. */
function report(p: Profile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time is charged to the nearest extension frame on the stack (DOM/native work it called
  // has no url): so "querySelectorAll inside extractCards" counts for extractCards.
  const charged = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    let n: Node | undefined = byId.get(id);
    let native = '';
    while (n && !n.callFrame.url.startsWith('chrome-extension://')) {
      if (!native && n.callFrame.functionName && !n.callFrame.url) native = n.callFrame.functionName;
      n = byId.get(parent.get(n.id) ?? -1);
    }
    if (!n) continue;
    total += us;
    const f = n.callFrame;
    const key = `${where(f)}${native ? ` → ${native}` : ''}`;
    charged.set(key, (charged.get(key) ?? 0) + us);
  }
  console.log(`extension code on the page's main thread: ${(total / 1000).toFixed(1)} ms (sampled)`);
  for (const [k, us] of [...charged].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

const maps = new Map<string, TraceMap | null>();

/** The source function and line of a frame in a built chunk, through its source map. */
function where(f: Node['callFrame']): string {
  const file = f.url.replace(/^chrome-extension:\/\/[^/]+\//, '');
  if (!maps.has(file)) {
    try {
      maps.set(file, new TraceMap(readFileSync(path.join(DIST, `${file}.map`), 'utf8')));
    } catch {
      maps.set(file, null);
    }
  }
  const map = maps.get(file);
  const pos = map ? originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber }) : null;
  if (!pos?.source) return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  return `${pos.name ?? f.functionName ?? '(anonymous)'} ${pos.source.replace(/^(\.\.\/)+/, '')}:${pos.line}`;
}

main().then(
  () => process.exit(0),
  (e) => (console.error(e), process.exit(1)),
);
