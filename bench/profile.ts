import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startFixtureServer } from '../test/e2e/harness/fixture-server.ts';
import { prepareExtension, removeDir } from '../test/e2e/harness/extension.ts';
import { launchWith } from './browser.ts';
import { generateSearchPage } from './generate-page.ts';
import { callers, merge, report, totals, type Profile } from './profile-report.ts';

// `npx tsx bench/profile.ts [cards]`: a CPU profile (CDP Profiler) of the built extension's
// content script on a generated Taobao search page: load, annotate the cards in view, scroll
// to the bottom. Prints the content script's self time by function and writes the profile
// to bench/profile.cpuprofile (open it in DevTools' Performance panel). PROFILE_SCROLL=0:
// load only, no scrolling. PROFILE_RUNS=n: that many page loads, their samples added up
// (a busy machine's noise averages out). PROFILE_CALLERS=queryAll,t: who called those.
// PROFILE_TOTALS=initSearchPage,search-page.ts:72: time in those, callees included (a name or a
// source place: minified names do not always map back).

async function main() {
  const cards = Number(process.argv[2] ?? 528);
  const runs = Number(process.env.PROFILE_RUNS ?? 1);
  const fixtures = await startFixtureServer([{ host: 's.taobao.com', path: '/search', html: generateSearchPage(cards) }]);
  const extensionDir = await prepareExtension({ grantAllUrls: false });
  const browser = await launchWith(extensionDir, fixtures.port);
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const profiles: Profile[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.goto('http://s.taobao.com/search?q=bench', { waitUntil: 'load' });
      await page.locator('[data-testid="select-listing"]').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      if (process.env.PROFILE_SCROLL !== '0') await page.evaluate(async () => {
        for (let i = 0; i < 400 && scrollY + innerHeight < document.documentElement.scrollHeight - 2; i++) {
          scrollBy(0, innerHeight * 0.9);
          await new Promise((r) => setTimeout(r, 32));
        }
      });
      await page.waitForTimeout(1000);
      profiles.push(((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile);
      await page.close();
    }
    await writeFile(path.join(import.meta.dirname, 'profile.cpuprofile'), JSON.stringify(profiles[0]));
    const all = merge(profiles);
    if (runs > 1) console.log(`${runs} page loads, samples added up:`);
    report(all);
    for (const name of (process.env.PROFILE_CALLERS ?? '').split(',').filter(Boolean)) callers(all, name);
    if (process.env.PROFILE_TOTALS) totals(all, process.env.PROFILE_TOTALS.split(','));
  } finally {
    await browser.closeAll();
    await fixtures.close();
    await removeDir(extensionDir);
  }
}

main().then(
  () => process.exit(0),
  (e) => (console.error(e), process.exit(1)),
);
