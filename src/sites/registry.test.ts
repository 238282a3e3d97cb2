import { describe, expect, it } from 'vitest';
import { adapterFor, adapters } from './registry.ts';
import type { PageKind } from './adapter.ts';

const kinds: PageKind[] = ['item', 'search', 'shop', 'other'];

describe('site detectors', () => {
  for (const adapter of adapters) {
    describe(adapter.id, () => {
      it('has examples for item, search and other pages', () => {
        expect(adapter.examples.item.length).toBeGreaterThan(0);
        expect(adapter.examples.search.length).toBeGreaterThan(0);
        expect(adapter.examples.other.length).toBeGreaterThan(0);
      });

      for (const kind of kinds) {
        for (const example of adapter.examples[kind]) {
          it(`accepts ${example} as ${kind}`, () => {
            const url = new URL(example);
            expect(adapter.handles(url)).toBe(true);
            expect(adapter.pageKind(url)).toBe(kind);
            expect(adapterFor(url)).toBe(adapter);
          });
        }
      }

      it("rejects every other site's examples", () => {
        for (const other of adapters) {
          if (other === adapter) continue;
          for (const example of kinds.flatMap((k) => other.examples[k])) {
            expect(adapter.handles(new URL(example)), example).toBe(false);
          }
        }
      });
    });
  }

  it('finds no adapter for unrelated sites', () => {
    for (const u of ['https://www.example.com/item.htm?id=1', 'https://taobao.com.evil.example/item.htm?id=1', 'https://nottaobao.com/']) {
      expect(adapterFor(new URL(u))).toBeNull();
    }
  });
});
