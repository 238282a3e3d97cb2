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

// `npx tsx bench/ab.ts TREE_A TREE_B [TREE_C…]`: builds of the extension (each TREE/dist)
// compared on the same pages, loads alternating between them, so that a busy machine's noise falls on both alike.
// Tells a change of a few ms from noise where the with/without table (bench/run.ts) cannot.
// With BENCH_TIME=thread, script and task times are main-thread CPU time. AB_RUNS=n (9),
// AB_PAGES=48,528,item,other,scroll.

const RUNS = Number(process.env.AB_RUNS ?? 9);
const PAGES = (process.env.AB_PAGES ?? '48,528,item,scroll').split(',');
const URLS: Record<string, string> = {
  '48': 'http://s.taobao.com/search?q=bench48',
  '528': 'http://s.taobao.com/search?q=bench528',
  item: 'http://item.taobao.com/item.htm?id=637145790668',
  other: 'http://www.taobao.com/',
};

async function copyOf(dist: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-ab-'));
  await cp(dist, dir, { recursive: true });
  return dir;
}

const fmt = (xs: number[]) => `${median(xs).toFixed(1).padStart(6)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;

async function main() {
  const trees = process.argv.slice(2);
  if (trees.length < 2) throw new Error('usage: npx tsx bench/ab.ts TREE_A TREE_B [TREE_C…]');
  const names = trees.map((_, i) => String.fromCharCode(65 + i));
  const fixture = readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/taobao/search-gen3.html'), 'utf8');
  const fixtures = await startFixtureServer([
    { host: 's.taobao.com', path: '/search', query: { q: 'bench48' }, html: fixture },
    { host: 's.taobao.com', path: '/search', query: { q: 'bench528' }, html: generateSearchPage(528) },
    { host: 'item.taobao.com', path: '/item.htm', fixture: 'taobao/item-ssr2025.html' },
    { host: 'www.taobao.com', path: '/', html: '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>淘宝网</title><body><h1>淘宝网</h1><p>首页</p></body></html>' },
  ]);
  const dirs = await Promise.all(trees.map((t) => copyOf(path.resolve(t, 'dist'))));
  const browsers = [];
  for (const d of dirs) browsers.push(await launchWith(d, fixtures.port));
  trees.forEach((t, i) => console.log(`${names[i]}: ${t}`));
  const order = (i: number) => (i % 2 ? [...names.keys()].reverse() : [...names.keys()]);
  try {
    for (const br of browsers) await loadRun(br.context, URLS['48']!);
    for (const page of PAGES) {
      if (page === 'scroll') {
        const t: number[][] = names.map(() => []);
        for (let i = 0; i < RUNS; i++) for (const k of order(i)) t[k]!.push((await insertRun(browsers[k]!.context, URLS['48']!)) ?? NaN);
        console.log(`scroll 12 cards → boxes ms`.padEnd(36) + names.map((n, k) => `${n} ${fmt(t[k]!)}`).join('   '));
        continue;
      }
      const runs: PageRun[][] = names.map(() => []);
      for (let i = 0; i < RUNS; i++) for (const k of order(i)) runs[k]!.push(await loadRun(browsers[k]!.context, URLS[page]!));
      const line = (what: string, f: (r: PageRun) => number) => console.log(`${page.padEnd(5)} ${what.padEnd(30)}` + names.map((n, k) => `${n} ${fmt(runs[k]!.map(f))}`).join('   '));
      line('script ms', (r) => r.scriptMs);
      line('task ms', (r) => r.taskMs);
      line('longest task ms', (r) => Math.max(0, ...r.longtasks));
      if (page === '48' || page === '528') line('load → cards in view ms', (r) => r.inViewMs ?? NaN);
    }
  } finally {
    for (const br of browsers) await br.closeAll();
    await fixtures.close();
    for (const d of dirs) await removeDir(d);
  }
}

main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
