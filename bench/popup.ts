import type { Page } from 'playwright-core';
import type { TakedownRecord } from '../src/shared/model.ts';
import { makeRecord } from '../test/unit/records.ts';
import type { Browser } from '../test/e2e/harness/extension.ts';
import { seedRequests as seed } from '../test/e2e/harness/flows.ts';
import type { Figure } from './stats.ts';

// The popup with many stored requests: from navigation to the first request row, and frame
// times while the list scrolls. Requests are written straight into the extension origin's
// IndexedDB with the real schema (test/unit/records.ts builds records with the product's own
// keys), the way popup.e2e.ts seeds them; no API is configured, so nothing is sent meanwhile.

export const POPUP_SIZE = { width: 440, height: 600 };

/** Notes, in the page, when the first row enters the DOM (performance.now() counts from navigation). */
export const FIRST_ROW = `(() => {
  const rec = { firstRow: 0 };
  window.__tdfBench = rec;
  const seen = () => {
    if (!rec.firstRow && document.querySelector('[data-testid="request-row"]')) rec.firstRow = performance.now();
    return rec.firstRow > 0;
  };
  const mo = new MutationObserver(() => seen() && mo.disconnect());
  mo.observe(document, { childList: true, subtree: true });
})();`;

/** A realistic mix: mostly filed cases in their various states, some still queued. */
export function records(count: number): TakedownRecord[] {
  const statuses = ['received', 'in_review', 'needs_info', 'taken_down', 'rejected', 'counter_notice'] as const;
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.parse('2026-11-02T02:00:00.000Z') + i * 600_000).toISOString();
    if (i % 10 === 0) return makeRecord({ flaggedAt: at, updatedAt: at });
    const status = statuses[i % statuses.length]!;
    return makeRecord({
      flaggedAt: at,
      updatedAt: at,
      outbox: { state: 'submitted' },
      caseId: `TD-2026-${String(100000 + i)}`,
      caseStatus: status,
      receivedAt: at,
      slaDueAt: new Date(Date.parse(at) + 86_400_000).toISOString(),
      ...(status === 'taken_down' || status === 'rejected' ? { resolvedAt: at } : {}),
    });
  });
}


async function storedCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('takedown-flagger');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const q = db.transaction('requests').objectStore('requests').count();
      q.onsuccess = () => resolve(q.result);
      q.onerror = () => reject(q.error);
    });
    db.close();
    return n;
  });
}

/**
 * The floor under the popup's figure: an extension page with no script and one row in its
 * HTML (written into the extension's folder by the caller). What the browser takes to show
 * any extension page; the popup's own work is the difference.
 */
export const FLOOR_PAGE = 'bench-floor.html';
export const FLOOR_HTML = '<!doctype html><html lang="en"><meta charset="utf-8"><title>floor</title><body><div data-testid="request-row">a row</div></body></html>';

/** One popup (or `path`) opened in a fresh tab: ms from navigation to the first row in the DOM. */
async function firstRowRun(browser: Browser, path = browser.manifest.action.default_popup): Promise<number> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(POPUP_SIZE);
    await page.addInitScript({ content: FIRST_ROW });
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await page.locator('[data-testid="request-row"]').first().waitFor({ timeout: 20_000 });
    return await page.evaluate(() => (window as unknown as { __tdfBench: { firstRow: number } }).__tdfBench.firstRow);
  } finally {
    await page.close();
  }
}

/** Scrolls the list a fixed distance every frame and returns the rAF deltas (ms). */
async function scrollRun(browser: Browser, frames: number): Promise<number[]> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(POPUP_SIZE);
    await page.goto(`chrome-extension://${browser.extensionId}/${browser.manifest.action.default_popup}`);
    await page.locator('[data-testid="request-row"]').first().waitFor({ timeout: 20_000 });
    // Let the full read (the good-faith panel needs every record) land before scrolling.
    await page.waitForTimeout(1000);
    return await page.evaluate(async (n) => {
      const list = document.querySelector<HTMLElement>('section.vlist');
      if (!list) throw new Error('the popup shows no request list');
      // No named helpers in here: tsx would wrap them in a `__name` the page lacks.
      const deltas: number[] = [];
      let last = await new Promise<number>((r) => requestAnimationFrame(r));
      for (let i = 0; i < n; i++) {
        list.scrollTop += 90; // a brisk fling: a row and a half per frame
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        deltas.push(now - last);
        last = now;
      }
      if (list.scrollTop < 90 * n * 0.9) throw new Error(`the list scrolled only ${list.scrollTop}px`);
      return deltas;
    }, frames);
  } finally {
    await page.close();
  }
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export async function popupEntries(browser: Browser, runs: number, figures: Figure[], step: (what: string) => void) {
  const seeder = await browser.popup();
  try {
    let stored = 0;
    for (const count of [200, 2000]) {
      step(`popup, ${count} requests`);
      await seed(seeder, records(count - stored));
      stored = count;
      if ((await storedCount(seeder)) !== count) throw new Error(`seeding ${count} requests stored ${await storedCount(seeder)}`);
      await firstRowRun(browser); // warm: the first popup of a browser compiles the bundle
      const times: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < runs; i++) {
        times.push(await firstRowRun(browser));
        if (count === 2000) floor.push(await firstRowRun(browser, FLOOR_PAGE));
      }
      figures.push({ entry: `popup, ${count} requests stored`, what: 'navigation → first request-row', unit: 'ms', runs: times, budget: count === 2000 ? 100 : undefined });
      if (floor.length) figures.push({ entry: 'extension page, no script (the floor)', what: 'navigation → its one row', unit: 'ms', runs: floor, note: 'alternating with the popup openings above: the browser\u2019s part of any extension page' });
    }
    step('popup, scrolling 5,000 requests');
    await seed(seeder, records(5000 - stored));
    if ((await storedCount(seeder)) !== 5000) throw new Error('seeding 5,000 requests failed');
    const med: number[] = [];
    const p95: number[] = [];
    const max: number[] = [];
    const long: number[] = [];
    for (let i = 0; i < runs; i++) {
      const d = await scrollRun(browser, 240);
      med.push(percentile(d, 50));
      p95.push(percentile(d, 95));
      max.push(Math.max(...d));
      long.push(d.filter((x) => x > 33.4).length);
    }
    const entry = 'popup, scrolling 5,000 requests';
    figures.push({ entry, what: 'frame time (rAF delta) median', unit: 'ms', runs: med });
    figures.push({ entry, what: 'frame time p95', unit: 'ms', runs: p95 });
    figures.push({ entry, what: 'frame time max', unit: 'ms', runs: max });
    figures.push({ entry, what: 'frames over 33 ms (of 240)', unit: 'count', runs: long });
  } finally {
    await seeder.close();
  }
}
