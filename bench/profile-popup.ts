import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { prepareExtension, removeDir } from '../test/e2e/harness/extension.ts';
import { launchWith } from './browser.ts';
import { FIRST_ROW, POPUP_SIZE, records } from './popup.ts';
import { seedRequests as seed } from '../test/e2e/harness/flows.ts';
import { report, type Profile } from './profile-report.ts';

// `npx tsx bench/profile-popup.ts [requests]`: where the popup's time to its first row goes,
// with that many requests stored (default 2,000). Prints the page's milestones (navigation
// timing, each script's fetch, the first row) and the extension's self time by function from
// a CDP CPU profile of the opening, and writes bench/profile-popup.cpuprofile.

async function main() {
  const count = Number(process.argv[2] ?? 2000);
  const extensionDir = await prepareExtension({ grantAllUrls: false });
  const browser = await launchWith(extensionDir, 9);
  try {
    const url = `chrome-extension://${browser.extensionId}/${browser.manifest.action.default_popup}`;
    const seeder = await browser.popup();
    await seed(seeder, records(count));
    await seeder.close();
    // A warm browser, as in the benchmark: one opening before the measured one.
    const warm = await browser.context.newPage();
    await warm.goto(url);
    await warm.locator('[data-testid="request-row"]').first().waitFor();
    await warm.close();

    const page = await browser.context.newPage();
    await page.setViewportSize(POPUP_SIZE);
    await page.addInitScript({ content: FIRST_ROW });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.locator('[data-testid="request-row"]').first().waitFor();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const out: [string, number][] = [
        ['responseEnd', nav.responseEnd],
        ['domInteractive', nav.domInteractive],
        ['DOMContentLoaded end', nav.domContentLoadedEventEnd],
        ['load end', nav.loadEventEnd],
      ];
      for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) out.push([`fetched ${r.name.replace(/^chrome-extension:\/\/[^/]+\//, '')} (${r.startTime.toFixed(0)} →)`, r.responseEnd]);
      for (const p of performance.getEntriesByType('paint')) out.push([p.name, p.startTime]);
      out.push(['first request-row in the DOM', (window as unknown as { __tdfBench: { firstRow: number } }).__tdfBench.firstRow]);
      return out.sort((a, b) => a[1] - b[1]);
    });
    console.log(`popup with ${count} requests, ms after navigation:`);
    for (const [what, t] of marks) console.log(`${t.toFixed(1).padStart(8)}  ${what}`);
    await writeFile(path.join(import.meta.dirname, 'profile-popup.cpuprofile'), JSON.stringify(profile));
    report(profile);
  } finally {
    await browser.closeAll();
    await removeDir(extensionDir);
  }
}

main().then(
  () => process.exit(0),
  (e) => (console.error(e), process.exit(1)),
);
