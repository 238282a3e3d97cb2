import { startFixtureServer } from '../test/e2e/harness/fixture-server.ts';
import { prepareExtension, removeDir } from '../test/e2e/harness/extension.ts';
import { launchPlain, launchWith } from './browser.ts';
import { generateSearchPage } from './generate-page.ts';
import { startTrace, stopTrace } from './trace.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

// `npx tsx bench/task-kinds.ts [48|528|item]`: where a page's main-thread task time goes,
// with the extension and without, from a trace (thread CPU, `tdur`): the direct children of
// each top-level task, summed by name (style, layout, paint, script, ...), the task's own
// time as "(task self)". The difference column is what the extension adds. TASKS_RUNS=n.

interface Ev { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; data?: { url?: string } } }
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc'];
const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

async function loadOnce(context: BrowserContext, url: string): Promise<Map<string, number>> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await startTrace(cdp, CATEGORIES);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const events = (await stopTrace(cdp)) as unknown as Ev[];
  await page.close();
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args as { beginData?: { url?: string } } | undefined)?.beginData?.url?.includes('.taobao.com'));
  const sums = new Map<string, number>();
  if (!parse) throw new Error('no ParseHTML of the page in the trace');
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Self time (an event's CPU minus its children's) summed by name: no time counted twice.
  const stack: { e: Ev; end: number; children: number }[] = [];
  const pop = () => {
    const top = stack.pop()!;
    const url = top.e.args?.data?.url ?? '';
    const key = `${top.e.name}${url.startsWith('chrome-extension://') ? ' (ours)' : ''}`;
    sums.set(key, (sums.get(key) ?? 0) + ((top.e.tdur ?? 0) - top.children) / 1000);
    if (stack.length) stack[stack.length - 1]!.children += top.e.tdur ?? 0;
    else sums.set('(all tasks)', (sums.get('(all tasks)') ?? 0) + (top.e.tdur ?? 0) / 1000);
  };
  for (const e of onMain) {
    if (e.tdur === undefined) continue;
    while (stack.length && e.ts >= stack[stack.length - 1]!.end) pop();
    if (!stack.length && !TASK.has(e.name)) continue;
    stack.push({ e, end: e.ts + (e.dur ?? 0), children: 0 });
  }
  while (stack.length) pop();
  return sums;
}

async function main() {
  const arg = process.argv[2] ?? '48';
  const runs = Number(process.env.TASKS_RUNS ?? 6);
  const item = arg === 'item';
  const html = item
    ? readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/taobao/item-ssr2025.html'), 'utf8')
    : arg === '48'
      ? readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/taobao/search-gen3.html'), 'utf8')
      : generateSearchPage(Number(arg));
  const fixtures = await startFixtureServer([item ? { host: 'item.taobao.com', path: '/item.htm', html } : { host: 's.taobao.com', path: '/search', html }]);
  const url = item ? 'http://item.taobao.com/item.htm?id=637145790668' : 'http://s.taobao.com/search?q=tasks';
  const extensionDir = await prepareExtension({ grantAllUrls: false });
  const withExt = await launchWith(extensionDir, fixtures.port);
  const plain = await launchPlain(fixtures.port);
  const totals = { with: new Map<string, number>(), without: new Map<string, number>() };
  const add = (into: Map<string, number>, from: Map<string, number>) => from.forEach((v, k) => into.set(k, (into.get(k) ?? 0) + v));
  try {
    await new Promise((r) => setTimeout(r, 1500));
    for (let i = 0; i <= runs; i++) {
      const a = await loadOnce(withExt.context, url);
      const b = await loadOnce(plain.context, url);
      if (i === 0) continue;
      add(totals.with, a);
      add(totals.without, b);
    }
  } finally {
    await withExt.closeAll();
    await plain.close();
    await fixtures.close();
    await removeDir(extensionDir);
  }
  const keys = new Set([...totals.with.keys(), ...totals.without.keys()]);
  const rows = [...keys].map((k) => ({ k, w: (totals.with.get(k) ?? 0) / runs, wo: (totals.without.get(k) ?? 0) / runs })).sort((x, y) => y.w - y.wo - (x.w - x.wo));
  console.log(`main-thread CPU ms per load, ${runs} loads each; ${item ? 'item page' : `${arg} cards`}`);
  console.log(`${'with'.padStart(8)} ${'without'.padStart(8)} ${'extra'.padStart(8)}  name`);
  for (const r of rows.slice(0, 30)) console.log(`${r.w.toFixed(2).padStart(8)} ${r.wo.toFixed(2).padStart(8)} ${(r.w - r.wo).toFixed(2).padStart(8)}  ${r.k}`);
}

main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
