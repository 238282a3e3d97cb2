import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './harness/extension.ts';

// pkijs and asn1js (RFC 3161 checks) are large: they belong to the service worker only, never
// to the content script that runs on every marketplace page, nor to the popup or options.
const read = (f: string) => readFileSync(path.join(DIST, f), 'utf8');

/** A chunk and every chunk it imports (static and dynamic), as paths under dist/. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of read(file).matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+\.js)['"]/g)) visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
  };
  visit(entry);
  return seen;
}

const sourcesOf = (chunk: string): string[] => {
  try {
    return (JSON.parse(read(`${chunk}.map`)) as { sources: string[] }).sources;
  } catch {
    return [];
  }
};

describe('where the RFC 3161 libraries land', () => {
  it('only in the worker: no content-script, popup or options chunk holds pkijs or asn1js', () => {
    const manifest = JSON.parse(read('manifest.json')) as { content_scripts: { js: string[] }[] };
    const worker = reachable(/['"]\.\/(assets\/[^'"]+\.js)['"]/.exec(read('service-worker-loader.js'))![1]!);
    const heavy = readdirSync(path.join(DIST, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `assets/${f}`)
      .filter((f) => sourcesOf(f).some((s) => /node_modules\/(pkijs|asn1js)\//.test(s)));
    expect(heavy.length).toBeGreaterThan(0);
    for (const f of heavy) expect(worker.has(f), `${f} belongs to the worker`).toBe(true);

    const content = new Set(manifest.content_scripts.flatMap((c) => c.js).flatMap((f) => [...reachable(f)]));
    // The content-script loaders import their modules by absolute extension URL.
    for (const f of [...content]) for (const m of read(f).matchAll(/chrome\.runtime\.getURL\(["']([^"']+\.js)["']\)/g)) for (const r of reachable(m[1]!.replace(/^\//, ''))) content.add(r);
    expect(content.size).toBeGreaterThan(manifest.content_scripts.length);
    const pages = ['src/popup/index.html', 'src/options/index.html'].flatMap((html) => [...read(html).matchAll(/src="\/([^"]+\.js)"/g)].flatMap((m) => [...reachable(m[1]!)]));
    expect(pages.length).toBeGreaterThan(0);
    for (const f of [...content, ...pages]) expect(heavy, `${f} must not hold pkijs/asn1js`).not.toContain(f);
  });
});
