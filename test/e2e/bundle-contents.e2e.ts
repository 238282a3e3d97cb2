import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './harness/extension.ts';

// What the built extension ships: read from the source maps, which name every module each
// bundle was made of. Test code must never reach a user's browser.
describe('the built extension', () => {
  it('ships no test kit, test helper or fixture', () => {
    const maps = readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    const shipped = maps.flatMap((m) => {
      const { sources } = JSON.parse(readFileSync(path.join(DIST, 'assets', m), 'utf8')) as { sources: string[] };
      return sources.map((s) => `${m}: ${s}`);
    });
    expect(shipped.some((s) => s.includes('src/content/'))).toBe(true);
    expect(shipped.filter((s) => /\.test-kit\.|\.test\.|\/test\/|\/sandbox\//.test(s))).toEqual([]);
  });

  it("keeps the sites' page readers out of the service worker: it knows sites by their URL rules only", () => {
    const loader = readFileSync(path.join(DIST, 'service-worker-loader.js'), 'utf8');
    const entry = /['"]\.\/(assets\/[^'"]+\.js)['"]/.exec(loader)?.[1];
    expect(entry, 'the worker module the loader imports').toBeTruthy();
    // The worker's own chunk and every chunk it imports statically (dynamic imports too).
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(path.join(DIST, file), 'utf8');
      for (const m of code.matchAll(/(?:from|import)\s*\(?\s*['"]\.\/([^'"]+\.js)['"]/g)) visit(path.posix.join(path.posix.dirname(file), m[1]!));
    };
    visit(entry!);
    // Every chunk has a map except the bundler's tiny runtime helper (no source of ours).
    const sources = [...seen].filter((f) => !/rolldown-runtime/.test(f)).flatMap((f) => {
      const map = path.join(DIST, `${f}.map`);
      return (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources;
    });
    const siteSources = sources.filter((s) => s.includes('src/sites/'));
    expect(siteSources.some((s) => /src\/sites\/[a-z0-9]+\/site\.ts$/.test(s))).toBe(true);
    expect(siteSources.filter((s) => /\/(?:cards|extract|page-data|selectors|card-selectors|search-data|text|money)\.ts$|\/(?:dom|js-literal|alibaba-ssr|registry)\.ts$/.test(s))).toEqual([]);
  });
});
