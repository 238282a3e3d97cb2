import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * An extension page whose first screen is one chunk (a Vite build plugin): the page's own
 * copy of every script module its entry reaches, its static graph (the first screen) put in
 * one chunk with the entry, what it imports on demand in chunks of its own.
 *
 * Why (issue #10, bench/ab-popup.ts on the 2-core machines under load): the same 70 KB of
 * modules opened ~100 ms later as 12 preloaded files than as one file, whatever the bytes;
 * and the popup's first screen was 12 files, because nearly every module in it is also
 * imported by another entry (the worker, the options page, the report, the content scripts'
 * on-demand chunks) and the bundler splits what entries share into chunks of its own.
 *
 * How: every module the entry reaches, statically or on demand, is resolved under an id
 * tagged with the page's name, so no other entry shares it; a chunk group then takes the
 * tagged modules the entry imports statically, and the entry, into one chunk. A page is one
 * JavaScript world and loads only its own copies, so no module's state is doubled in a page
 * (what the worker or the options page load are other worlds). Styles and assets are not
 * copied. The cost is bytes in the package, not in any page: the page's on-demand chunks
 * (zod, the schemas, the export) are copies of the main build's.
 */
export function ownPageGraph(opts: { entry: string; name: string }): Plugin {
  let entry = '';
  // Vite picks a module's transforms by how its id ends: the tag goes before the extension.
  const TAGGED = new RegExp(`\\?${opts.name}(\\.(?:[cm]?[jt]sx?|css))$`);
  // Scripts and styles; Vite's preload helper too (a virtual module), or the page's chunk would
  // hold the one copy of it that the worker's and the content scripts' chunks import.
  const COPIED = /^\0vite\/preload-helper\.js$|^[^\0?]+\.(?:[cm]?[jt]sx?|css)$/;
  const TAGGED_ANYWHERE = new RegExp(`\\?${opts.name}\\.[cm]?[jt]sx?"`);
  const untag = (id: string) => id.replace(TAGGED, '');
  return {
    name: 'own-page-graph',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      entry = path.resolve(config.root, opts.entry);
    },
    outputOptions(options) {
      const split = typeof options.codeSplitting === 'object' ? options.codeSplitting : {};
      const group = { name: opts.name, tags: ['$initial' as const], test: (id: string) => id === entry || TAGGED.test(id) };
      return { ...options, codeSplitting: { ...split, groups: [...(split.groups ?? []), group] } };
    },
    async resolveId(source, importer, options) {
      if (!importer || (importer !== entry && !TAGGED.test(importer))) return null;
      const resolved = await this.resolve(source, untag(importer), { ...options, skipSelf: true });
      if (!resolved || resolved.external || !COPIED.test(resolved.id)) return resolved;
      return { ...resolved, id: `${resolved.id}?${opts.name}${path.extname(resolved.id)}` };
    },
    async load(id) {
      if (!TAGGED.test(id)) return null;
      if (!id.startsWith('\0')) return readFile(untag(id), 'utf8');
      const original = await this.load({ id: untag(id) });
      if (typeof original.code !== 'string') throw new Error(`own-page-graph: no code for ${untag(id)}`);
      return original.code;
    },
    // Source maps name the real files (on disk: Vite rewrites the maps of HTML entries late).
    async writeBundle(options, bundle) {
      for (const file of Object.keys(bundle).filter((f) => f.endsWith('.js.map'))) {
        const where = path.join(options.dir ?? '', file);
        const text = await readFile(where, 'utf8');
        if (!TAGGED_ANYWHERE.test(text)) continue;
        const map = JSON.parse(text) as { sources: (string | null)[] };
        map.sources = map.sources.map((s) => (s === null ? s : untag(s)));
        await writeFile(where, JSON.stringify(map));
      }
    },
  };
}
