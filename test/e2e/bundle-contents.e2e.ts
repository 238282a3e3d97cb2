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
});
