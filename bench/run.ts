import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { startFixtureServer } from '../test/e2e/harness/fixture-server.ts';
import { DIST, prepareExtension, removeDir } from '../test/e2e/harness/extension.ts';
import { launchPlain, launchWith } from './browser.ts';
import { pageBytes } from './bundle-graph.ts';
import { costFigures, insertRun, loadRun, type PageRun } from './content.ts';
import { generateSearchPage } from './generate-page.ts';
import { median, summary, table, type Figure } from './stats.ts';
import { startStack } from '../test/e2e/harness/stack.ts';
import { FLOOR_HTML, FLOOR_PAGE, popupEntries } from './popup.ts';
import { coldStartRun, flagFigures, flagRun, FLAG_COUNT, type FlagRun } from './worker.ts';

// `npm run bench` (after a build): every entry in Debian's Chromium on the built extension,
// against local fixture pages and the sandbox; pages alternate with and without the
// extension. Prints a table and writes bench/results.json. A benchmark, not a test: it
// asserts nothing; the byte budget, which is deterministic, is a test (bundle-budget.e2e.ts).
//   BENCH_RUNS=n (default 5)   BENCH_ONLY=content,scroll,bytes,popup,flags,coldstart   BENCH_SETTLE=ms

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'content,scroll,bytes,popup,flags,coldstart').split(','));
const SEARCH_48 = 'http://s.taobao.com/search?q=bench48';
const SEARCH_528 = 'http://s.taobao.com/search?q=bench528';
const ITEM = 'http://item.taobao.com/item.htm?id=637145790668';
/** A marketplace page that is neither a listing nor a list (the home page): the floor. */
const OTHER = 'http://www.taobao.com/';
const OTHER_PAGE = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>淘宝网</title><body><h1>淘宝网</h1><p>首页</p></body></html>';

const step = (what: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${what}`);

async function contentEntries(figures: Figure[]) {
  const fixture = readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/taobao/search-gen3.html'), 'utf8');
  const fixtures = await startFixtureServer([
    { host: 's.taobao.com', path: '/search', query: { q: 'bench48' }, html: fixture },
    { host: 's.taobao.com', path: '/search', query: { q: 'bench528' }, html: generateSearchPage(528) },
    { host: 'item.taobao.com', path: '/item.htm', fixture: 'taobao/item-ssr2025.html' },
    { host: 'www.taobao.com', path: '/', html: OTHER_PAGE },
  ]);
  const extensionDir = await prepareExtension({ grantAllUrls: false });
  const withExt = await launchWith(extensionDir, fixtures.port);
  const plain = await launchPlain(fixtures.port);
  try {
    // Warm both browsers (first compile, caches) before anything counts.
    for (const b of [withExt.context, plain.context]) await loadRun(b, SEARCH_48);
    if (ONLY.has('content')) {
      for (const [entry, url] of [['search page, 48 cards', SEARCH_48], ['search page, 528 cards', SEARCH_528], ['item page', ITEM], ['other marketplace page', OTHER]] as const) {
        step(entry);
        const a: PageRun[] = [];
        const b: PageRun[] = [];
        for (let i = 0; i < RUNS; i++) {
          a.push(await loadRun(withExt.context, url));
          b.push(await loadRun(plain.context, url));
        }
        const f = costFigures(entry, a, b);
        figures.push(...(url === ITEM || url === OTHER ? f.filter((x) => !x.what.startsWith('load →')) : f));
      }
      const heap = figures.filter((f) => f.what === 'JS heap used');
      for (const h of heap) {
        h.what = 'JS heap used (after GC)';
        h.note = `added per tab: ${Math.round(median(h.runs) - median(h.without ?? []))} KB`;
      }
    }
    if (ONLY.has('scroll')) {
      step('infinite scroll');
      const runs: number[] = [];
      let missed = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = await insertRun(withExt.context, SEARCH_48);
        if (t === null) missed++;
        else runs.push(t);
      }
      figures.push({ entry: 'infinite scroll', what: '12 cards appended near the viewport → their boxes', unit: 'ms', runs, budget: 50, note: missed ? `${missed} run(s) never showed a box` : undefined });
    }
  } finally {
    await withExt.closeAll();
    await plain.close();
    await fixtures.close();
    await removeDir(extensionDir);
  }
}

function bytesEntries(figures: Figure[]) {
  // One classic script per site serves all its pages (search, shop, item, others).
  for (const site of ['taobao', 'tmall', 'lazada', 'aliexpress', 'alibaba1688']) {
    const b = pageBytes(DIST, site);
    const demand = Object.values(b.onDemand).reduce((n, x) => n + x, 0);
    figures.push({ entry: `content JS, ${site} pages`, what: 'raw', unit: 'B', runs: [b.raw] });
    figures.push({
      entry: `content JS, ${site} pages`,
      what: 'gzip -9',
      unit: 'B',
      runs: [b.gzip],
      budget: 30 * 1024,
      note: `one classic script; on demand (flag form, capture): ${demand} B gzip`,
    });
  }
}

/** The popup with many stored requests; its own browser, so the content figures' profile stays small. */
async function popupBench(figures: Figure[]) {
  const extensionDir = await prepareExtension({ grantAllUrls: false });
  await writeFile(path.join(extensionDir, FLOOR_PAGE), FLOOR_HTML);
  const b = await launchWith(extensionDir, 9);
  try {
    await popupEntries(b, RUNS, figures, step);
  } finally {
    await b.closeAll();
    await removeDir(extensionDir);
  }
}

/** Flags of 300 listings and the worker's cold start, against the sandbox. */
async function workerBench(figures: Figure[]) {
  // Fewer flag runs, and no warm-up one: each captures a 300-card page in chunks (about 40 s).
  const flagRuns = Math.min(RUNS, 2);
  const routes = Array.from({ length: flagRuns + 1 }, (_, i) => ({ host: 's.taobao.com', path: '/search', query: { q: `flag${i}` }, html: generateSearchPage(FLAG_COUNT, 810000000001 + i * 1000) }));
  const stack = await startStack({ routes, connected: true, grantAllUrls: true, sandbox: { rateLimitPerSecond: 100_000 } });
  const extPage = await stack.browser.open(stack.browser.manifest.options_ui.page);
  try {
    if (ONLY.has('flags')) {
      step(`${FLAG_COUNT} flags`);
      const runs: FlagRun[] = [];
      for (let i = 1; i <= flagRuns; i++) runs.push(await flagRun(stack, extPage, `http://s.taobao.com/search?q=flag${i}`));
      figures.push(...flagFigures(runs));
    }
    if (ONLY.has('coldstart')) {
      step('worker cold start');
      const first: number[] = [];
      const post: number[] = [];
      const paths = new Set<string>();
      for (let i = 0; i < RUNS; i++) {
        const r = await coldStartRun(stack, extPage);
        first.push(r.firstMs);
        post.push(r.postMs);
        paths.add(r.firstPath);
      }
      figures.push({ entry: 'worker cold start (stopped)', what: 'sendNow → first API request', unit: 'ms', runs: first, budget: 150, note: `first request: ${[...paths].join(', ')}` });
      figures.push({ entry: 'worker cold start (stopped)', what: 'sendNow → first POST', unit: 'ms', runs: post });
    }
  } finally {
    await stack.close();
  }
}

async function main() {
  const started = Date.now();
  const figures: Figure[] = [];
  if (ONLY.has('bytes')) bytesEntries(figures);
  if (ONLY.has('content') || ONLY.has('scroll')) await contentEntries(figures);
  if (ONLY.has('popup')) await popupBench(figures);
  if (ONLY.has('flags') || ONLY.has('coldstart')) await workerBench(figures);
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${table(figures)}`);
  for (const f of figures) if (f.note) console.log(`- ${f.entry}, ${f.what}: ${f.note}`);
  console.log(`\n(${seconds.toFixed(0)} s; ${RUNS} runs per entry; Chromium headless 1280×900; ${os.cpus().length} cores; ${new Date().toISOString()})`);
  const out = path.join(import.meta.dirname, 'results.json');
  await writeFile(out, JSON.stringify({ at: new Date().toISOString(), runs: RUNS, cores: os.cpus().length, seconds, figures: figures.map(summary) }, null, 2));
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (err) => (console.error(err), process.exit(1)),
);
