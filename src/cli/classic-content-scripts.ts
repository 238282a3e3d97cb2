import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rolldown, type Plugin as RolldownPlugin } from 'rolldown';
import type { Plugin } from 'vite';
import { chunkClosure } from './chunk-graph.ts';

/** A content_scripts entry of the manifest, its `js` naming source entries. */
export interface ContentScript {
  matches: string[];
  js: string[];
  run_at?: string;
}

/**
 * The content scripts as classic scripts, one per site (a Vite build plugin).
 *
 * crxjs loads a content script as an ES module, through a small loader that `import()`s it.
 * Profiled on a marketplace tab (bench/, CDP threadTicks), the first module load in the
 * page's isolated world costs ≈ 6 ms of main-thread CPU (≈ 12 ms wall) before any of our
 * code runs, on every page of the site. So the manifest's content scripts are kept out of
 * crxjs: each is built here, with everything it imports statically, into one classic script
 * (assets/content-<entry>.js) that the manifest names directly.
 *
 * What the scripts `import()` (the item page, the flag form, the capture responder, the
 * link form) becomes chunks of the main build, imported by their extension URL and made
 * web-accessible on the content scripts' hosts. Those chunks carry their own copies of the
 * modules they share with the classic scripts: what must be one per page lives in
 * src/shared/world.ts.
 */
export function classicContentScripts(opts: { scripts: ContentScript[]; jsxImportSource: string }): Plugin {
  let outDir = '';
  const built = new Map<string, Classic>(); // source entry → its classic script
  const lazyRefs = new Map<string, string>(); // module imported on demand → emitted chunk ref
  const output = new Map<string, string>(); // source entry → file in dist
  let lazyFiles = new Set<string>(); // what the classic scripts may import: chunks and their imports
  return {
    name: 'classic-content-scripts',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async buildStart() {
      for (const entry of new Set(opts.scripts.flatMap((s) => s.js))) {
        const script = await classicScript(path.resolve(entry), opts.jsxImportSource);
        built.set(entry, script);
        for (const id of script.lazy) {
          if (!lazyRefs.has(id)) lazyRefs.set(id, this.emitFile({ type: 'chunk', id, preserveSignature: 'strict', name: path.parse(id).name }));
        }
      }
    },
    generateBundle(_options, bundle) {
      const fileOf = new Map([...lazyRefs].map(([id, ref]) => [id, this.getFileName(ref)]));
      lazyFiles = chunkClosure(bundle, fileOf.values(), { dynamic: true });
      for (const [entry, script] of built) {
        const fileName = `assets/content-${path.parse(entry).name}.js`;
        // An extension file is imported by its URL: a content script's base is the page's URL.
        const code = script.code.replace(PLACEHOLDER, (_m, _q, id: string) => `import(chrome.runtime.getURL(${JSON.stringify(fileOf.get(id))}))`);
        if (code.includes(LAZY)) throw new Error(`classic-content-scripts: an import() in ${entry} was left unresolved`);
        this.emitFile({ type: 'asset', fileName, source: `${code}\n//# sourceMappingURL=${path.basename(fileName)}.map\n` });
        this.emitFile({ type: 'asset', fileName: `${fileName}.map`, source: script.map });
        output.set(entry, fileName);
      }
    },
    // crxjs writes the manifest at the very end of the build, so this edits the written file.
    closeBundle() {
      const file = path.join(outDir, 'manifest.json');
      if (!existsSync(file) || !output.size) return;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { web_accessible_resources?: unknown[] };
      manifest.content_scripts = opts.scripts.map((s) => ({ ...s, js: s.js.map((entry) => output.get(entry)!) }));
      if (lazyFiles.size) {
        const matches = [...new Set(opts.scripts.flatMap((s) => s.matches))];
        manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), { matches, resources: [...lazyFiles].sort(), use_dynamic_url: false }];
      }
      writeFileSync(file, JSON.stringify(manifest, null, 2));
    },
  };
}

const LAZY = 'tdf-lazy:';
const PLACEHOLDER = /import\(\s*(["'`])tdf-lazy:([^"'`]+)\1\s*\)/g;

interface Classic {
  code: string;
  map: string;
  /** The modules it imports on demand (absolute paths). */
  lazy: Set<string>;
}

/** One classic script from a source entry; each `import()` is left as a placeholder naming its module. */
async function classicScript(entry: string, jsxImportSource: string): Promise<Classic> {
  const lazy = new Set<string>();
  const onDemand: RolldownPlugin = {
    name: 'on-demand-modules',
    async resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string' || !importer) throw new Error(`classic-content-scripts: a computed import() in ${importer}`);
      const resolved = await this.resolve(specifier, importer);
      if (!resolved) throw new Error(`classic-content-scripts: ${specifier} (from ${importer}) does not resolve`);
      lazy.add(resolved.id);
      return { id: `${LAZY}${resolved.id}`, external: true };
    },
  };
  const build = await rolldown({ input: entry, platform: 'browser', plugins: [onDemand], transform: { jsx: { runtime: 'automatic', importSource: jsxImportSource } } });
  try {
    const { output } = await build.generate({ format: 'iife', minify: true, sourcemap: true });
    const chunks = output.filter((o) => o.type === 'chunk');
    const chunk = chunks[0];
    if (chunks.length !== 1 || !chunk) throw new Error(`classic-content-scripts: ${entry} did not build to one script`);
    const map = output.find((o) => o.type === 'asset' && o.fileName === `${chunk.fileName}.map`);
    return {
      code: chunk.code.replace(/\n\/\/# sourceMappingURL=.*$/m, ''),
      map: map && map.type === 'asset' ? String(map.source) : JSON.stringify(chunk.map ?? {}),
      lazy,
    };
  } finally {
    await build.close();
  }
}
