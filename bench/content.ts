import type { BrowserContext, Page } from 'playwright-core';
import type { Figure } from './stats.ts';

// Content-script cost on marketplace pages, measured with and without the extension,
// alternating, each run in a fresh tab of a warm browser. No probe polls the page from
// outside (its script would count as the page's): a small recorder in the page's main world
// notes when select boxes appear in our (open) shadow root, and reads nothing else.

export const CARD = '[id^="item_id_"]';
const SETTLE_MS = Number(process.env.BENCH_SETTLE ?? 1500);
/**
 * BENCH_TIME=thread: durations in the main thread's CPU time (CDP threadTicks) instead of
 * wall time. On a shared, busy machine wall time also counts the time the thread waited for
 * a core; CPU time does not, so it tells a change from noise with fewer runs.
 */
export const TIME_DOMAIN = process.env.BENCH_TIME === 'thread' ? 'threadTicks' : 'timeTicks';

/** Installed before the page's own scripts: load time, long tasks, and when each select box appeared. */
function recorder() {
  const rec = { load: 0, boxes: [] as [number, string][], longtasks: [] as number[] };
  (window as unknown as { __tdfBench: typeof rec }).__tdfBench = rec;
  new PerformanceObserver((l) => rec.longtasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  addEventListener('load', () => (rec.load = performance.now()));
  const watchShadow = (root: ShadowRoot) =>
    new MutationObserver((records) => {
      const t = performance.now();
      for (const r of records)
        for (const n of r.addedNodes) {
          if (!(n instanceof HTMLElement)) continue;
          for (const b of [n, ...n.querySelectorAll<HTMLElement>('input')]) if (b.dataset.testid === 'select-listing') rec.boxes.push([t, b.dataset.itemId ?? '']);
        }
    }).observe(root, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    const seen = new WeakSet<Element>();
    const look = () => {
      const host = document.querySelector('tdf-root');
      if (host?.shadowRoot && !seen.has(host)) (seen.add(host), watchShadow(host.shadowRoot));
    };
    new MutationObserver(look).observe(document.documentElement, { childList: true });
    look();
  });
}

// tsx names functions with a `__name` helper the page does not have: give it one.
const RECORDER = { content: `var __name = (f) => f; (${recorder.toString()})();` };

export interface PageRun {
  scriptMs: number;
  taskMs: number;
  longtasks: number[];
  heapBytes: number;
  /** From `load` to the last card in view having its box; null when one never got it. */
  inViewMs: number | null;
  inView: number;
}

/** The ids of cards in the viewport now (the page is not scrolled). */
function cardsInView(selector: string) {
  return [...document.querySelectorAll(selector)]
    .filter((c) => {
      const r = c.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.width > 0;
    })
    .map((c) => c.id.replace('item_id_', ''));
}

export async function loadRun(context: BrowserContext, url: string): Promise<PageRun> {
  const page = await context.newPage();
  try {
    await page.addInitScript(RECORDER);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: TIME_DOMAIN });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const metrics = new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const rec = await page.evaluate(() => (window as unknown as { __tdfBench: { load: number; boxes: [number, string][]; longtasks: number[] } }).__tdfBench);
    const inView = await page.evaluate(cardsInView, CARD);
    const firstBox = new Map<string, number>();
    for (const [t, id] of rec.boxes) if (!firstBox.has(id)) firstBox.set(id, t);
    const times = inView.map((id) => firstBox.get(id));
    const done = times.every((t) => t !== undefined);
    return {
      scriptMs: (metrics.get('ScriptDuration') ?? 0) * 1000,
      taskMs: (metrics.get('TaskDuration') ?? 0) * 1000,
      longtasks: rec.longtasks,
      heapBytes: heap.get('JSHeapUsedSize') ?? 0,
      inViewMs: done && times.length ? Math.max(0, Math.max(...(times as number[])) - rec.load) : null,
      inView: inView.length,
    };
  } finally {
    await page.close();
  }
}

/** Infinite scroll: cards appended near the viewport, and how long until the last of them has its box. */
export async function insertRun(context: BrowserContext, url: string, count = 12): Promise<number | null> {
  const page: Page = await context.newPage();
  try {
    await page.addInitScript(RECORDER);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    await page.evaluate(async () => {
      scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((r) => setTimeout(r, 300));
    });
    const t0 = await page.evaluate(
      ({ selector, count }) => {
        const cols = [...document.querySelectorAll(selector)].map((c) => c.parentElement!).slice(0, count);
        const grid = cols[0]!.parentElement!;
        const fresh = cols.map((col, i) => {
          const copy = col.cloneNode(true) as HTMLElement;
          copy.querySelector(selector)!.id = `item_id_${900000000001 + i}`;
          return copy;
        });
        const t = performance.now();
        grid.append(...fresh); // as a page's infinite scroll does: one batch at the end of the grid
        return t;
      },
      { selector: CARD, count },
    );
    await page.waitForTimeout(800);
    const result = await page.evaluate(
      ({ selector, t0 }) => {
        const rec = (window as unknown as { __tdfBench: { boxes: [number, string][] } }).__tdfBench;
        const near = [...document.querySelectorAll(selector)]
          .filter((c) => c.id.startsWith('item_id_9000000000'))
          .filter((c) => {
            const r = c.getBoundingClientRect();
            return r.bottom > -400 && r.top < innerHeight + 400;
          })
          .map((c) => c.id.replace('item_id_', ''));
        const times = near.map((id) => rec.boxes.find(([, b]) => b === id)?.[0]);
        return { near: near.length, times };
      },
      { selector: CARD, t0 },
    );
    if (!result.near || result.times.some((t) => t === undefined)) return null;
    return Math.max(...(result.times as number[])) - t0;
  } finally {
    await page.close();
  }
}

/** The figures of content-script cost on one page, from alternating runs. */
export function costFigures(entry: string, withExt: PageRun[], without: PageRun[]): Figure[] {
  const long = (r: PageRun) => r.longtasks.filter((d) => d > 50).length;
  return [
    { entry, what: 'ScriptDuration', unit: 'ms', runs: withExt.map((r) => r.scriptMs), without: without.map((r) => r.scriptMs), budget: 20, budgetOnExtra: true },
    { entry, what: 'TaskDuration', unit: 'ms', runs: withExt.map((r) => r.taskMs), without: without.map((r) => r.taskMs), budget: 60, budgetOnExtra: true },
    { entry, what: 'long tasks > 50 ms', unit: 'count', runs: withExt.map(long), without: without.map(long), budget: 0, budgetOnExtra: true },
    { entry, what: 'longest task', unit: 'ms', runs: withExt.map((r) => Math.max(0, ...r.longtasks)), without: without.map((r) => Math.max(0, ...r.longtasks)) },
    {
      entry,
      what: `load → cards in view annotated (${withExt[0]?.inView ?? 0} cards)`,
      unit: 'ms',
      runs: withExt.map((r) => r.inViewMs ?? NaN).filter((v) => !Number.isNaN(v)),
      budget: 300,
      note: withExt.some((r) => r.inViewMs === null) ? `${withExt.filter((r) => r.inViewMs === null).length} run(s) left a card in view without a box` : undefined,
    },
    { entry, what: 'JS heap used', unit: 'KB', runs: withExt.map((r) => r.heapBytes / 1024), without: without.map((r) => r.heapBytes / 1024) },
  ];
}
