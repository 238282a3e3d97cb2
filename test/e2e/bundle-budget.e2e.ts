import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageBytes } from '../../bench/bundle-graph.ts';
import { DIST } from './harness/extension.ts';

// The content-script JavaScript a marketplace page loads, gzip -9, against its budget
// (issue #10), and the shape that keeps it cheap. Deterministic, so a test; the timed
// budgets live in `npm run bench`.
const KB = 1024;
const SITES = ['taobao', 'tmall', 'lazada', 'aliexpress', 'alibaba1688'] as const;
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('content-script bytes per page', () => {
  for (const site of SITES) {
    it(`every ${site} page loads one classic script of at most 30 KB gzip, with both page features in it`, () => {
      const b = pageBytes(DIST, site);
      // One file, no module loading when a page opens: the search and item features are in it.
      expect(b.files).toEqual([`assets/content-${site}.js`]);
      expect(b.sources).toEqual(expect.arrayContaining(['src/content/search-page.ts', 'src/content/item-page.ts', `src/content/entries/${site}.ts`]));
      expect(b.gzip, `${site}: ${b.gzip} B`).toBeLessThanOrEqual(30 * KB);
    });
  }

  it('keeps zod and the schemas off every marketplace page until a capture: the worker validates what pages send', () => {
    for (const site of SITES) {
      const b = pageBytes(DIST, site);
      expect(b.sources.filter((s) => /zod|shared\/model\.ts|shared\/messages\.ts/.test(s)), site).toEqual([]);
      // The capture responder checks the worker's orders with the schemas: on demand only.
      const demand = Object.values(b.onDemandSources).flat();
      expect(demand).toEqual(expect.arrayContaining(['src/shared/messages.ts', 'src/content/capture-responder.ts', 'src/content/flag-form-view.tsx']));
    }
  });

  it('keeps state that must be one per page in world.ts when a module is both in the script and in an on-demand chunk', () => {
    // An on-demand chunk carries its own copy of the modules it shares with the classic
    // script. A `let`, a Map or an empty list or object (to be filled) at a module's top
    // level would then exist twice per page:
    // the capture responder's copy of mount.ts would not find the UI root and would make a
    // second one. Such state goes through worldState(); a mere cache may stay per copy when
    // the line before it says so ("// per copy:").
    const offenders: string[] = [];
    for (const site of SITES) {
      const b = pageBytes(DIST, site);
      const inScript = new Set(b.sources.filter((s) => s.startsWith('src/')));
      const shared = new Set(Object.values(b.onDemandSources).flat().filter((s) => inScript.has(s)));
      expect(shared.size, `${site}: on-demand chunks share modules with the script`).toBeGreaterThan(3);
      for (const file of shared) {
        const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
        lines.forEach((line, i) => {
          const state = /^(export )?let\s/.test(line) || /^(export )?const \w+(: [^=]+)? = (\[\]|\{\}|new (Map|WeakMap|Set|WeakSet|Array)\b)/.test(line);
          if (state && !/\/\/ per copy:/.test(lines[i - 1] ?? '')) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect([...new Set(offenders)]).toEqual([]);
  });
});
