import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// What JavaScript a marketplace page loads from the built extension: each site's content
// script is one classic script (src/cli/classic-content-scripts.ts) holding both page
// features; it imports nothing when a page loads. What it `import()`s by extension URL (the
// flag form, the link form, the capture responder, with every chunk those import) loads on
// a user action or a capture only; it is listed apart.

export interface PageBytes {
  files: string[];
  raw: number;
  gzip: number;
  /** The source modules the content script was built from (its source map). */
  sources: string[];
  /** Chunks reachable only on demand (user action, capture): file → gzip bytes. */
  onDemand: Record<string, number>;
  /** The source modules of those chunks, by chunk. */
  onDemandSources: Record<string, string[]>;
}

// `/` too: a chunk may open with a comment (`/* empty css */import{…}`).
const STATIC = /(?:^|[;\s}/])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*[`"'](\.\/[^`"']+)[`"']\s*\)/g;
const BY_URL = /\bimport\(\s*chrome\.runtime\.getURL\(\s*["']([^"']+)["']\s*\)\s*\)/g;

const read = (dist: string, file: string) => readFileSync(path.join(dist, file));
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

export function sourcesOf(dist: string, file: string): string[] {
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

/** Every JavaScript file of a build that imports, statically or on demand, one of `files`. */
export function importersOf(dist: string, files: readonly string[]): Record<string, string[]> {
  const all = (readdirSync(dist, { recursive: true }) as string[]).map((f) => f.replaceAll('\\', '/')).filter((f) => f.endsWith('.js'));
  const out: Record<string, string[]> = {};
  for (const file of all) {
    const hits = [...imports(dist, file, STATIC), ...imports(dist, file, DYNAMIC)].filter((dep) => files.includes(dep));
    if (hits.length) out[file] = hits;
  }
  return out;
}

/** A chunk and everything it imports, statically or on demand. */
export function chunkGraph(dist: string, entry: string): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const dep of [...imports(dist, file, STATIC), ...imports(dist, file, DYNAMIC)]) visit(dep);
  };
  visit(entry);
  return [...files];
}

/** The content script of a marketplace (by its entry's name, e.g. "taobao"). */
export function contentScriptOf(dist: string, site: string): string {
  const manifest = JSON.parse(read(dist, 'manifest.json').toString('utf8')) as { content_scripts: { js: string[] }[] };
  const script = manifest.content_scripts.flatMap((c) => c.js).find((f) => path.basename(f) === `content-${site}.js`);
  if (!script) throw new Error(`no content script for ${site} in ${dist}/manifest.json`);
  return script;
}

export function pageBytes(dist: string, site: string): PageBytes {
  const script = contentScriptOf(dist, site);
  const text = read(dist, script).toString('utf8');
  // A classic script cannot import statically; if this ever changes, the bytes would be wrong.
  if ([...text.matchAll(STATIC)].length) throw new Error(`${script} has static imports: it is not a classic script`);
  const onDemand: Record<string, number> = {};
  const onDemandSources: Record<string, string[]> = {};
  const walk = (file: string) => {
    if (file in onDemand) return;
    onDemand[file] = gz(read(dist, file));
    onDemandSources[file] = sourcesOf(dist, file);
    for (const dep of [...imports(dist, file, STATIC), ...imports(dist, file, DYNAMIC)]) walk(dep);
  };
  for (const m of text.matchAll(BY_URL)) walk(m[1]!);
  const bytes = read(dist, script);
  return { files: [script], raw: bytes.length, gzip: gz(bytes), sources: sourcesOf(dist, script), onDemand, onDemandSources };
}

export interface FirstScreen {
  /** The popup's entry chunk (its module script). */
  entry: string;
  /** Every chunk of the first screen: the module script, what the HTML preloads, and what those import statically. */
  files: string[];
  /** The modulepreload links of the popup's HTML. */
  preloaded: string[];
  /** The stylesheets the HTML links. */
  styles: string[];
  /** The source modules bundled into those chunks (from their source maps). */
  sources: string[];
  gzip: number;
}

/**
 * What the popup loads before its first row, read from the built HTML (manifest
 * `action.default_popup`): its module script and the chunks it preloads (the page imported
 * at load, when the entry only starts the read and imports it), with the static graph of each.
 * What the page imports on demand later (the answer form, zod, the export) is not in it; a
 * page chunk imported at load but not preloaded would be missing from it, and the rows'
 * modules with it (popup-first-screen.e2e.ts checks they are there).
 */
export function popupFirstScreen(dist: string): FirstScreen {
  const manifest = JSON.parse(read(dist, 'manifest.json').toString('utf8')) as { action: { default_popup: string } };
  const html = read(dist, manifest.action.default_popup).toString('utf8');
  const local = (href: string) => href.replace(/^\//, '');
  const entry = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${manifest.action.default_popup} has no module script`);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => local(m[1]!));
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*\shref="([^"]+)"/g)].map((m) => local(m[1]!));
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const dep of imports(dist, file, STATIC)) visit(dep);
  };
  visit(local(entry));
  for (const file of preloaded) visit(file);
  const list = [...files];
  return {
    entry: local(entry),
    files: list,
    preloaded,
    styles,
    sources: [...new Set(list.flatMap((f) => sourcesOf(dist, f)))],
    gzip: list.reduce((n, f) => n + gz(read(dist, f)), 0),
  };
}
