import { startFixtureServer } from '../test/e2e/harness/fixture-server.ts';
import { prepareExtension, removeDir } from '../test/e2e/harness/extension.ts';
import { launchWith } from './browser.ts';
import { generateSearchPage } from './generate-page.ts';
import { where } from './profile-report.ts';
import { startTrace, stopTrace } from './trace.ts';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// `npx tsx bench/slices.ts [48|528]`: where the content script's main-thread CPU goes, from a
// trace (thread time, `tdur`, so a busy machine's waits do not count): every script slice of
// chrome-extension:// code per page load, grouped by the source function it entered, plus
// the microtask checkpoints and compiles that ran inside our tasks. SLICES_RUNS=n loads;
// SLICES_DIST=dir: that build instead of dist/ (source names then come from dist/'s maps).

interface Ev { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; data?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number } } }

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'v8', 'disabled-by-default-devtools.timeline'];

async function main() {
  const arg = process.argv[2] ?? '48';
  const runs = Number(process.env.SLICES_RUNS ?? 6);
  const html = arg === '48' ? readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/taobao/search-gen3.html'), 'utf8') : generateSearchPage(Number(arg));
  const fixtures = await startFixtureServer([{ host: 's.taobao.com', path: '/search', html }]);
  const extensionDir = process.env.SLICES_DIST ? await mkdtemp(path.join(os.tmpdir(), 'tdf-slices-')) : await prepareExtension({ grantAllUrls: false });
  if (process.env.SLICES_DIST) await cp(process.env.SLICES_DIST, extensionDir, { recursive: true });
  const browser = await launchWith(extensionDir, fixtures.port);
  const sums = new Map<string, number>();
  let total = 0;
  try {
    await new Promise((r) => setTimeout(r, 1500));
    for (let i = 0; i <= runs; i++) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await startTrace(cdp, CATEGORIES);
      await page.goto('http://s.taobao.com/search?q=slices', { waitUntil: 'load' });
      await page.waitForTimeout(1500);
      const events = (await stopTrace(cdp)) as unknown as Ev[];
      await page.close();
      if (i === 0) continue; // warm-up
      // The page's main thread: the one that evaluated our content script.
      const main = new Set(events.filter((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').startsWith('chrome-extension://')).map((e) => `${e.pid}:${e.tid}`));
      const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      // Outermost extension script slices.
      let end = -1;
      for (const e of onMain) {
        const url = e.args?.data?.url ?? '';
        const ours = url.startsWith('chrome-extension://');
        if (!ours || e.ts < end) continue;
        if (!['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.callFunction', 'V8.Execute'].includes(e.name)) continue;
        end = e.ts + (e.dur ?? 0);
        const d = e.args!.data!;
        const key = e.name === 'FunctionCall' ? `call ${where({ functionName: d.functionName ?? '', url, lineNumber: (d.lineNumber ?? 0) - 1, columnNumber: Math.max(0, (d.columnNumber ?? 1) - 1) })}` : `${e.name} ${url.replace(/^chrome-extension:\/\/[^/]+\//, '')}`;
        const ms = (e.tdur ?? e.dur ?? 0) / 1000;
        sums.set(key, (sums.get(key) ?? 0) + ms);
        total += ms;
      }
      for (const e of onMain) if ((e.name === 'v8.compile' || e.name === 'V8.CompileCode' || e.name === 'v8.parseOnBackground' || e.name.startsWith('V8.Compile')) && (e.args?.data?.url ?? '').startsWith('chrome-extension://')) sums.set(`(inside) ${e.name}`, (sums.get(`(inside) ${e.name}`) ?? 0) + (e.tdur ?? 0) / 1000);
      for (const e of onMain) if (e.name === 'V8.GC_SCAVENGER' || e.name === 'MinorGC' || e.name === 'MajorGC') sums.set(`(gc) ${e.name}`, (sums.get(`(gc) ${e.name}`) ?? 0) + (e.tdur ?? 0) / 1000);
      // Microtasks: promise callbacks have no FunctionCall of their own.
      for (const e of onMain) if (e.name === 'RunMicrotasks' || e.name === 'V8.RunMicrotasks') sums.set(`(microtasks, all)`, (sums.get('(microtasks, all)') ?? 0) + (e.tdur ?? 0) / 1000);
    }
  } finally {
    await browser.closeAll();
    await fixtures.close();
    await removeDir(extensionDir);
  }
  console.log(`extension script slices, CPU ms per load (${runs} loads): ${(total / runs).toFixed(2)}`);
  for (const [k, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(ms / runs).toFixed(2).padStart(8)}  ${k}`);
}

main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
