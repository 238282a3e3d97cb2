import { prepareExtension, removeDir } from '../test/e2e/harness/extension.ts';
import { seedRequests as seed } from '../test/e2e/harness/flows.ts';
import { launchWith } from './browser.ts';
import { FIRST_ROW, FLOOR_HTML, FLOOR_PAGE, POPUP_SIZE, records } from './popup.ts';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startTrace, stopTrace } from './trace.ts';

// `npx tsx bench/popup-timeline.ts [requests]`: the popup's opening as a timeline, from a
// trace: each main-thread task of its renderer from navigation to the first request row
// (start, wall and CPU ms, what it ran), and the gaps between them (the renderer waiting:
// for the browser to send the page, a file, an IndexedDB answer). TIMELINE_RUNS=n openings,
// the median opening printed in full. TIMELINE_FLOOR=1: the script-free page of bench/popup.ts.

interface Ev { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { data?: { url?: string; functionName?: string } ; beginData?: { url?: string } } }
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'navigation'];
const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

async function main() {
  const count = Number(process.argv[2] ?? 2000);
  const runs = Number(process.env.TIMELINE_RUNS ?? 5);
  const extensionDir = await prepareExtension({ grantAllUrls: false });
  await writeFile(path.join(extensionDir, FLOOR_PAGE), FLOOR_HTML);
  const browser = await launchWith(extensionDir, 9);
  const openings: { firstRow: number; lines: string[]; busy: number; cpu: number }[] = [];
  try {
    const url = `chrome-extension://${browser.extensionId}/${process.env.TIMELINE_FLOOR ? FLOOR_PAGE : browser.manifest.action.default_popup}`;
    const seeder = await browser.popup();
    await seed(seeder, records(count));
    await seeder.close();
    for (let i = 0; i <= runs; i++) {
      const page = await browser.context.newPage();
      await page.setViewportSize(POPUP_SIZE);
      await page.addInitScript({ content: FIRST_ROW });
      const cdp = await browser.context.newCDPSession(page);
      await startTrace(cdp, CATEGORIES);
      await page.goto(url);
      await page.locator('[data-testid="request-row"]').first().waitFor();
      await page.waitForTimeout(200);
      const firstRow = await page.evaluate(() => (window as unknown as { __tdfBench: { firstRow: number } }).__tdfBench.firstRow);
      const events = (await stopTrace(cdp)) as unknown as Ev[];
      await page.close();
      if (i === 0) continue; // warm-up
      const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith('chrome-extension://'));
      const nav = events.find((e) => e.name === 'navigationStart' && (!parse || e.pid === parse.pid));
      if (!parse || !nav) throw new Error('no ParseHTML or navigationStart of the popup in the trace');
      const t0 = nav.ts;
      const end = t0 + firstRow * 1000;
      const onMain = events.filter((e) => e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid && e.ts >= t0 && e.ts <= end).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const lines: string[] = [];
      let taskEnd = t0;
      let busy = 0;
      let cpu = 0;
      for (let k = 0; k < onMain.length; k++) {
        const e = onMain[k]!;
        if (!TASK.has(e.name) || e.ts < taskEnd) continue;
        const inside = onMain.filter((c) => c !== e && c.ts >= e.ts && c.ts + (c.dur ?? 0) <= e.ts + (e.dur ?? 0) && !TASK.has(c.name));
        const top = inside.filter((c) => !inside.some((p) => p !== c && p.ts <= c.ts && p.ts + (p.dur ?? 0) >= c.ts + (c.dur ?? 0) && (p.dur ?? 0) > (c.dur ?? 0)));
        const gap = (e.ts - taskEnd) / 1000;
        taskEnd = e.ts + (e.dur ?? 0);
        busy += (e.dur ?? 0) / 1000;
        cpu += (e.tdur ?? 0) / 1000;
        if ((e.dur ?? 0) < 300) continue;
        if (process.env.TIMELINE_DEEP) for (const c of inside.filter((c) => (c.dur ?? 0) >= 500)) lines.push(`            ${((c.ts - t0) / 1000).toFixed(1)} ${c.name} ${((c.dur ?? 0) / 1000).toFixed(1)} ${JSON.stringify(c.args?.data ?? {}).slice(0, 140)}`);
        const what = top.map((c) => `${c.name}${c.args?.data?.url ? ` ${c.args.data.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}` : ''}${c.args?.data?.functionName ? ` ${c.args.data.functionName}` : ''} ${((c.dur ?? 0) / 1000).toFixed(1)}`).slice(0, 4).join('; ');
        lines.push(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} ${gap >= 1 ? `(+${gap.toFixed(1)} idle) ` : ''}${((e.dur ?? 0) / 1000).toFixed(1)} ms wall, ${((e.tdur ?? 0) / 1000).toFixed(1)} cpu: ${what}`);
      }
      openings.push({ firstRow, lines, busy, cpu });
    }
  } finally {
    await browser.closeAll();
    await removeDir(extensionDir);
  }
  openings.sort((a, b) => a.firstRow - b.firstRow);
  console.log(`first row, ms after navigation: ${openings.map((o) => o.firstRow.toFixed(0)).join(', ')}; main thread busy ${openings.map((o) => o.busy.toFixed(0)).join(', ')} (CPU ${openings.map((o) => o.cpu.toFixed(0)).join(', ')})`);
  const mid = openings[Math.floor(openings.length / 2)]!;
  console.log(`the median opening (${mid.firstRow.toFixed(0)} ms), its main-thread tasks of 0.3 ms or more (start, ms):`);
  for (const l of mid.lines) console.log(l);
}

main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
