import { startStack } from '../test/e2e/harness/stack.ts';
import { DEMO_TRADEMARK_ID } from '../sandbox/demo.ts';
import { makeRecord } from '../test/unit/records.ts';

// `npx tsx bench/profile-worker.ts`: where the service worker's cold start goes, from sendNow
// (options page; a request queued, the worker stopped) to its first API request: the worker's
// own timeline (performance.timeOrigin and its resource timing: the chunks it imports, the
// API fetch) set against the sendNow moment and the sandbox's call log.

async function main() {
  const stack = await startStack({ routes: [], connected: true, grantAllUrls: false });
  try {
    const page = await stack.browser.open(stack.browser.manifest.options_ui.page);
    const ours = `chrome-extension://${stack.browser.extensionId}/`;
    for (let run = 0; run < 3; run++) {
      const cdp = await stack.browser.context.browser()!.newBrowserCDPSession();
      const sw = (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ours))!;
      await cdp.send('Target.closeTarget', { targetId: sw.targetId });
      await cdp.detach();
      await new Promise((r) => setTimeout(r, 500));
      const rec = makeRecord({ ipRightId: DEMO_TRADEMARK_ID });
      await page.evaluate(async (r) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const q = indexedDB.open('takedown-flagger');
          q.onsuccess = () => resolve(q.result);
          q.onerror = () => reject(q.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('requests', 'readwrite');
          tx.objectStore('requests').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      }, rec);
      const before = stack.sandbox.calls.length;
      const t0 = await page.evaluate(() => {
        const t = performance.timeOrigin + performance.now();
        void chrome.runtime.sendMessage({ ns: 'tdf/1', type: 'sendNow', payload: {} });
        return t;
      });
      while (stack.sandbox.calls.length === before) await new Promise((r) => setTimeout(r, 5));
      const first = stack.sandbox.calls[before]!;
      await new Promise((r) => setTimeout(r, 1000));
      const worker = stack.browser.context.serviceWorkers().find((w) => w.url().startsWith(ours))!;
      const timeline = await worker.evaluate(() => ({
        origin: performance.timeOrigin,
        entries: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [e.name.replace(/^chrome-extension:\/\/[^/]+\//, ''), e.startTime, e.responseEnd] as const),
      }));
      const rel = (t: number) => (t - t0).toFixed(1).padStart(7);
      console.log(`run ${run + 1}: sendNow at 0 ms`);
      console.log(`${rel(timeline.origin)}  worker's timeOrigin (process and script start)`);
      for (const [name, start, end] of timeline.entries.slice(0, 12)) console.log(`${rel(timeline.origin + start)} → ${rel(timeline.origin + end)}  ${name}`);
      console.log(`${rel(Date.parse(first.at))}  sandbox logs ${first.method} ${first.path} (ms resolution)`);
    }
  } finally {
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => (console.error(e), process.exit(1)),
);
