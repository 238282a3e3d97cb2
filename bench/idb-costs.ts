import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { removeDir } from '../test/e2e/harness/extension.ts';
import { seedRequests as seed } from '../test/e2e/harness/flows.ts';
import { launchWith } from './browser.ts';
import { records } from './popup.ts';
import { median } from './stats.ts';

// `npx tsx bench/idb-costs.ts DIST`: what IndexedDB's primitives cost in Chromium, each timed in
// a fresh extension page of the built extension with the benchmark's 2,000 requests stored
// (RUNS=n pages, default 9; each primitive twice a page, in opposite orders). Measured for
// issue #10: counting through an index walks every entry and costs about 5 µs an entry (2,000:
// ~10 ms warm, 20-45 ms while the popup opens under load), the store's own count about 1.3;
// getAllKeys costs more than count(). So the popup's first paint counts only its rows' groups.
const RUNS = Number(process.env.RUNS ?? 9);
const JS = `
const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
const rank = (g) => IDBKeyRange.bound([g], [g + 1], false, true);
const t0 = performance.now();
const db = await req(indexedDB.open('takedown-flagger'));
const out = { open: performance.now() - t0 };
const ops = {
  rows10: (s) => req(s.index('byListOrder').getAll(null, 10)),
  rankCounts: (s) => Promise.all([0,1,2,3].map((g) => req(s.index('byListOrder').count(rank(g))))),
  rank0Count: (s) => req(s.index('byListOrder').count(rank(0))),
  orderCountAll: (s) => req(s.index('byListOrder').count()),
  storeCount: (s) => req(s.count()),
  outboxCounts: (s) => Promise.all(['queued','sending','capturing'].map((k) => req(s.index('byOutboxState').count(k)))),
  rankKeys: (s) => Promise.all([0,1,2,3].map((g) => req(s.index('byListOrder').getAllKeys(rank(g))).then((k) => k.length))),
  storeKeys: (s) => req(s.getAllKeys()).then((k) => k.length),
  orderKeysAll: (s) => req(s.index('byListOrder').getAllKeys()).then((k) => k.length),
  getAll: (s) => req(s.getAll()).then((k) => k.length),
};
const names = Object.keys(ops);
for (let rep = 0; rep < 2; rep++) for (const n of (rep ? names.reverse() : names)) {
  const a = performance.now();
  const s = db.transaction('requests').objectStore('requests');
  await ops[n](s);
  out[n + (rep ? '#2' : '')] = performance.now() - a;
}
window.__idbCosts = out;
`;
async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-idb-costs-'));
  await cp(process.argv[2]!, dir, { recursive: true });
  await writeFile(path.join(dir, 'idb-costs.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/idb-costs.js"></script>');
  await writeFile(path.join(dir, 'idb-costs.js'), JS);
  const browser = await launchWith(dir, 9);
  const seeder = await browser.popup();
  await seed(seeder, records(2000));
  await seeder.close();
  const all: Record<string, number[]> = {};
  for (let i = 0; i <= RUNS; i++) {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/idb-costs.html`);
    const r = (await page.waitForFunction(() => (window as unknown as { __idbCosts?: Record<string, number> }).__idbCosts, null, { timeout: 30000 }).then((h) => h.jsonValue())) as Record<string, number>;
    await page.close();
    if (i) for (const [k, v] of Object.entries(r)) (all[k] ??= []).push(v);
  }
  console.log(`load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  for (const [k, v] of Object.entries(all)) console.log(k.padEnd(16), median(v).toFixed(1).padStart(6), `(${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)})`);
  await browser.closeAll();
  await removeDir(dir);
}
main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
