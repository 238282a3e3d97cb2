import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { removeDir } from '../test/e2e/harness/extension.ts';
import { seedRequests as seed } from '../test/e2e/harness/flows.ts';
import { launchWith } from './browser.ts';
import { FIRST_ROW, POPUP_SIZE, records } from './popup.ts';
import { median } from './stats.ts';

// `npx tsx bench/ab-popup.ts DIST_A [DIST_B …]`: the popup's navigation → first request-row
// for several builds, in one browser each with the same requests stored, runs interleaved
// (A, B, A, B, …) so that the machine's load falls on every build alike. Prints, per build,
// median and min–max of the first row and of the page's milestones (responseEnd,
// domInteractive). AB_RUNS=n (default 9), AB_COUNT=requests stored (default 2000).
// AB_FLOOR=1 adds, to the first build, trivial pages measured the same way: the element in
// the static HTML; a module script that adds it; a module script that opens IndexedDB and
// reads the first rows off index byListOrder before adding it (the floor of each step).
// AB_CHUNKS=1 (with AB_FLOOR=1) adds the same ~70 KB of synthetic modules as one file, and as an
// entry importing 12 files that the HTML preloads: what the number of files costs by itself.
// An instrumented build's performance.mark()s are printed too (median and min–max each).

const RUNS = Number(process.env.AB_RUNS ?? 9);
const COUNT = Number(process.env.AB_COUNT ?? 2000);
const FLOOR = process.env.AB_FLOOR === '1';

const ROW = `const d = document.createElement('div'); d.dataset.testid = 'request-row'; d.textContent = 'row'; document.getElementById('app').append(d);`;

/** Extra pages: file → [its HTML (none for a module it imports), its script]. */
const FLOOR_PAGES: Record<string, [html: string, js?: string]> = {
  'floor-static.html': ['<!doctype html><meta charset="utf-8"><title>f</title><div data-testid="request-row">row</div>'],
  'floor-module.html': [
    '<!doctype html><meta charset="utf-8"><title>f</title><script type="module" src="/floor-module.js"></script><div id="app"></div>',
    ROW,
  ],
  'floor-idb.html': [
    '<!doctype html><meta charset="utf-8"><title>f</title><script type="module" src="/floor-idb.js"></script><div id="app"></div>',
    `const r = indexedDB.open('takedown-flagger');
r.onsuccess = () => {
  const q = r.result.transaction('requests').objectStore('requests').index('byListOrder').getAll(null, 10);
  q.onsuccess = () => { for (const rec of q.result) { const d = document.createElement('div'); d.dataset.testid = 'request-row'; d.textContent = rec.clientRequestId; document.getElementById('app').append(d); } };
};`,
  ],
};

// Synthetic module graphs of the same bytes: one file, or an entry importing 12 (all preloaded).
const filler = (i: number, n: number) => Array.from({ length: n }, (_, k) => `export function f${i}_${k}(a, b) { const o = { a, b, k: ${k}, s: 'x${i}y${k}' }; return a > b ? o.a + o.k : [o.b, o.s].join(String(${i})); }`).join('\n');
if (process.env.AB_CHUNKS === '1') {
  const parts = Array.from({ length: 12 }, (_, i) => filler(i, 60));
  FLOOR_PAGES['floor-1file.html'] = ['<!doctype html><meta charset="utf-8"><title>f</title><script type="module" src="/floor-1file.js"></script><div id="app"></div>', parts.join('\n') + '\n' + ROW];
  FLOOR_PAGES['floor-12files.html'] = [
    '<!doctype html><meta charset="utf-8"><title>f</title><script type="module" src="/floor-12files.js"></script>' + parts.map((_, i) => `<link rel="modulepreload" href="/floor-part${i}.js">`).join('') + '<div id="app"></div>',
    parts.map((_, i) => `import * as p${i} from './floor-part${i}.js';`).join('\n') + '\n' + ROW,
  ];
  parts.forEach((p, i) => (FLOOR_PAGES[`floor-part${i}.html`] = ['', p]));
}

interface Run {
  firstRow: number;
  responseEnd: number;
  domInteractive: number;
  /** performance.mark()s the page made (an instrumented build). */
  marks: Record<string, number>;
}

async function main() {
  const dists = process.argv.slice(2);
  if (!dists.length) throw new Error('usage: tsx bench/ab-popup.ts DIST_A [DIST_B …]');
  const browsers = [];
  const targets: { name: string; browser: Awaited<ReturnType<typeof launchWith>>; page: string }[] = [];
  for (const [i, dist] of dists.entries()) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-ab-'));
    await cp(dist, dir, { recursive: true });
    if (FLOOR && i === 0) for (const [file, [html, js]] of Object.entries(FLOOR_PAGES)) {
      if (html) await writeFile(path.join(dir, file), html);
      if (js) await writeFile(path.join(dir, file.replace('.html', '.js')), js);
    }
    const browser = await launchWith(dir, 9);
    browsers.push({ browser, dir });
    const seeder = await browser.popup();
    await seed(seeder, records(COUNT));
    await seeder.close();
    targets.push({ name: dist, browser, page: browser.manifest.action.default_popup });
    if (FLOOR && i === 0) for (const [file, [html]] of Object.entries(FLOOR_PAGES)) if (html) targets.push({ name: file, browser, page: file });
  }
  const runs = new Map<string, Run[]>(targets.map((t) => [t.name, []]));
  const once = async (t: (typeof targets)[number]): Promise<Run> => {
    const page = await t.browser.context.newPage();
    try {
      await page.setViewportSize(POPUP_SIZE);
      await page.addInitScript({ content: FIRST_ROW });
      await page.goto(`chrome-extension://${t.browser.extensionId}/${t.page}`);
      await page.locator('[data-testid="request-row"]').first().waitFor({ timeout: 20_000 });
      return await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        // A row in the static HTML is there before the init script's observer: parsing put it there.
        const firstRow = (window as unknown as { __tdfBench: { firstRow: number } }).__tdfBench.firstRow || nav.domInteractive;
        const marks: Record<string, number> = {};
        for (const m of performance.getEntriesByType('mark')) marks[m.name] ??= m.startTime;
        return { firstRow, responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, marks };
      });
    } finally {
      await page.close();
    }
  };
  for (const t of targets) await once(t); // warm: the first opening compiles the bundle
  for (let i = 0; i < RUNS; i++) for (const t of targets) runs.get(t.name)!.push(await once(t));
  const fmt = (xs: number[]) => `${median(xs).toFixed(1).padStart(6)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  console.log(`${COUNT} requests stored, ${RUNS} runs each, interleaved; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`${'build / page'.padEnd(40)} ${'first row'.padEnd(16)} ${'responseEnd'.padEnd(16)} domInteractive`);
  for (const [name, r] of runs) {
    console.log(`${name.slice(-40).padEnd(40)} ${fmt(r.map((x) => x.firstRow))} ${fmt(r.map((x) => x.responseEnd))} ${fmt(r.map((x) => x.domInteractive))}`);
    console.log(`${''.padEnd(40)} first row, each run: ${r.map((x) => x.firstRow.toFixed(0)).join(' ')}`);
    const names = [...new Set(r.flatMap((x) => Object.keys(x.marks)))];
    for (const n of names.sort((a, b) => median(r.map((x) => x.marks[a] ?? NaN)) - median(r.map((x) => x.marks[b] ?? NaN)))) {
      console.log(`${''.padEnd(40)} ${fmt(r.map((x) => x.marks[n] ?? NaN).filter((x) => !Number.isNaN(x)))}  ${n}`);
    }
  }
  for (const { browser, dir } of browsers) {
    await browser.closeAll();
    await removeDir(dir);
  }
}

main().then(
  () => process.exit(0),
  (e) => (console.error(e), process.exit(1)),
);
