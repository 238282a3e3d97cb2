import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// What JavaScript a marketplace page loads from the built extension: the content script's
// loader (manifest), the module it imports, every chunk those import statically, and the
// chunk of the page kind's feature (run.ts imports it dynamically) with its own imports.
// Other dynamic imports (the capture responder, the flag form) load on a user action or a
// capture only; they are listed apart.

/** The module whose dynamic import a page kind takes. */
export const FEATURE_MODULE = { search: 'src/content/search-page.ts', item: 'src/content/item-page.tsx' } as const;
export type PageKindWithFeature = keyof typeof FEATURE_MODULE;

export interface PageBytes {
  files: string[];
  raw: number;
  gzip: number;
  /** Chunks reachable only on demand (user action, capture): file → gzip bytes. */
  onDemand: Record<string, number>;
}

// `/` too: a chunk may open with a comment (`/* empty css */import{…}`).
const STATIC = /(?:^|[;\s}/])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*[`"'](\.\/[^`"']+)[`"']\s*\)/g;

const read = (dist: string, file: string) => readFileSync(path.join(dist, file));
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

function sourcesOf(dist: string, file: string): string[] {
  try {
    const map = JSON.parse(read(dist, `${file}.map`).toString('utf8')) as { sources: string[] };
    return map.sources.map((s) => s.replace(/^(\.\.\/)+/, ''));
  } catch {
    return [];
  }
}

function imports(dist: string, file: string, re: RegExp): string[] {
  const text = read(dist, file).toString('utf8');
  return [...text.matchAll(re)].map((m) => path.posix.join(path.posix.dirname(file), m[1]!));
}

/** The content-script loader of a marketplace (by its entry's name, e.g. "taobao"). */
export function loaderOf(dist: string, site: string): string {
  const manifest = JSON.parse(read(dist, 'manifest.json').toString('utf8')) as { content_scripts: { js: string[] }[] };
  const loader = manifest.content_scripts.flatMap((c) => c.js).find((f) => path.basename(f).startsWith(`${site}.ts-loader`));
  if (!loader) throw new Error(`no content-script loader for ${site} in dist/manifest.json`);
  return loader;
}

export function pageBytes(dist: string, site: string, kind: PageKindWithFeature): PageBytes {
  const loader = loaderOf(dist, site);
  const entry = /getURL\(\s*["']([^"']+)["']\s*\)/.exec(read(dist, loader).toString('utf8'))?.[1];
  if (!entry) throw new Error(`${loader} names no module to import`);
  const files = new Set<string>([loader]);
  const lazy = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const dep of imports(dist, file, STATIC)) visit(dep);
    for (const dep of imports(dist, file, DYNAMIC)) lazy.add(dep);
  };
  visit(entry);
  const feature = [...lazy].find((f) => sourcesOf(dist, f).includes(FEATURE_MODULE[kind]));
  if (!feature) throw new Error(`no chunk of ${FEATURE_MODULE[kind]} is imported by the ${site} content script`);
  visit(feature);
  // What stays lazy: everything reachable from the other dynamic imports, not loaded already.
  const onDemand: Record<string, number> = {};
  const seen = new Set(files);
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    onDemand[file] = gz(read(dist, file));
    for (const dep of [...imports(dist, file, STATIC), ...imports(dist, file, DYNAMIC)]) walk(dep);
  };
  for (const f of lazy) walk(f);
  const list = [...files];
  return {
    files: list,
    raw: list.reduce((n, f) => n + read(dist, f).length, 0),
    gzip: list.reduce((n, f) => n + gz(read(dist, f)), 0),
    onDemand,
  };
}

export interface FirstScreen {
  /** The popup's entry chunk (its module script). */
  entry: string;
  /** Every chunk of the first screen: the entry's static imports and the static graph of what it imports dynamically. */
  files: string[];
  /** The modulepreload links of the popup's HTML. */
  preloaded: string[];
  /** The source modules bundled into those chunks (from their source maps). */
  sources: string[];
  gzip: number;
}

/**
 * What the popup loads before its first row, read from the built HTML (manifest
 * `action.default_popup`): its entry's static imports and the static graph of each module
 * the entry imports dynamically (main.tsx starts the first read, then imports the page).
 */
export function popupFirstScreen(dist: string): FirstScreen {
  const manifest = JSON.parse(read(dist, 'manifest.json').toString('utf8')) as { action: { default_popup: string } };
  const html = read(dist, manifest.action.default_popup).toString('utf8');
  const local = (href: string) => href.replace(/^\//, '');
  const entry = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${manifest.action.default_popup} has no module script`);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => local(m[1]!));
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const dep of imports(dist, file, STATIC)) visit(dep);
  };
  visit(local(entry));
  for (const dep of imports(dist, local(entry), DYNAMIC)) visit(dep);
  const list = [...files];
  return {
    entry: local(entry),
    files: list,
    preloaded,
    sources: [...new Set(list.flatMap((f) => sourcesOf(dist, f)))],
    gzip: list.reduce((n, f) => n + gz(read(dist, f)), 0),
  };
}
