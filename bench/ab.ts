import { cp, mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer } from '../test/e2e/harness/fixture-server.ts';
import { removeDir } from '../test/e2e/harness/extension.ts';
import { launchWith } from './browser.ts';
import { insertRun, loadRun, type PageRun } from './content.ts';
import { generateSearchPage } from './generate-page.ts';
import { median } from './stats.ts';

// `npx tsx bench/ab.ts DIST_A DIST_B`: two builds of the extension compared on the same
// pages, loads alternating between them, so that a busy machine's noise falls on both alike.
// Tells a change of a few ms from noise where the with/without table (bench/run.ts) cannot.
// With BENCH_TIME=thread, script and task times are main-thread CPU time. AB_RUNS=n (9),
// AB_PAGES=48,528,item,scroll.

const RUNS = Number(process.env.AB_RUNS ?? 9);
const PAGES = (process.env.AB_PAGES ?? '48,528,item,scroll').split(',');
const URLS: Record<string, string> = {
  '48': 'http://s.taobao.com/search?q=bench48',
  '528': 'http://s.taobao.com/search?q=bench528',
  item: 'http://item.taobao.com/item.htm?id=637145790668',
};

async function copyOf(dist: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-ab-'));
  await cp(dist, dir, { recursive: true });
  return dir;
}

const fmt = (xs: number[]) => `${median(xs).toFixed(1).padStart(6)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;

async function main() {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: npx tsx bench/ab.ts DIST_A DIST_B');
  const fixture = readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/taobao/search-gen3.html'), 'utf8');
  const fixtures = await startFixtureServer([
    { host: 's.taobao.com', path: '/search', query: { q: 'bench48' }, html: fixture },
    { host: 's.taobao.com', path: '/search', query: { q: 'bench528' }, html: generateSearchPage(528) },
    { host: 'item.taobao.com', path: '/item.htm', fixture: 'taobao/item-ssr2025.html' },
  ]);
  const dirs = [await copyOf(path.resolve(a, 'dist')), await copyOf(path.resolve(b, 'dist'))];
  const browsers = [await launchWith(dirs[0]!, fixtures.port), await launchWith(dirs[1]!, fixtures.port)];
  try {
    for (const br of browsers) await loadRun(br.context, URLS['48']!);
    for (const page of PAGES) {
      if (page === 'scroll') {
        const t: number[][] = [[], []];
        for (let i = 0; i < RUNS; i++) for (const k of [0, 1]) t[k]!.push((await insertRun(browsers[k]!.context, URLS['48']!)) ?? NaN);
        console.log(`infinite scroll, 12 cards → boxes ms   A ${fmt(t[0]!)}   B ${fmt(t[1]!)}`);
        continue;
      }
      const runs: PageRun[][] = [[], []];
      for (let i = 0; i < RUNS; i++) for (const k of i % 2 ? [1, 0] : [0, 1]) runs[k]!.push(await loadRun(browsers[k]!.context, URLS[page]!));
      const line = (what: string, f: (r: PageRun) => number) => console.log(`${page.padEnd(5)} ${what.padEnd(30)} A ${fmt(runs[0]!.map(f))}   B ${fmt(runs[1]!.map(f))}`);
      line('script ms', (r) => r.scriptMs);
      line('task ms', (r) => r.taskMs);
      if (page !== 'item') line('load → cards in view ms', (r) => r.inViewMs ?? NaN);
    }
  } finally {
    for (const br of browsers) await br.closeAll();
    await fixtures.close();
    for (const d of dirs) await removeDir(d);
  }
}

main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
