import type { HtmlTagDescriptor, Plugin } from 'vite';
import { chunkClosure } from './chunk-graph.ts';

/**
 * Lists, in an extension page's HTML, every chunk its first screen loads, as
 * `<link rel="modulepreload">`: the entry's static imports and the static graph of each
 * module the entry imports dynamically (the popup's entry starts its IndexedDB read, then
 * imports the page). Without this a page fetched its chunks in waves, one per level of
 * imports, each wave only after the previous one was parsed (profiled: the popup's 15 chunks
 * came in four waves, 20 to 40 ms each on the 2-core machines). Preloading fetches and
 * parses; nothing runs before it is imported. Chunks the page imports on demand (a dialog, an
 * export, zod) are not listed. Only HTML pages: build.modulePreload stays off, as content
 * scripts must not write links into marketplace pages. `pages`: the HTML files (relative to
 * the project root) whose entry is written for it.
 */
export function preloadPageGraph(pages: readonly string[]): Plugin {
  let base = '/';
  return {
    name: 'preload-page-graph',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const { bundle, chunk } = ctx;
        if (!bundle || !chunk || !pages.some((p) => ctx.filename.replaceAll('\\', '/').endsWith(`/${p}`))) return;
        const files = chunkClosure(bundle, [...chunk.imports, ...chunk.dynamicImports], { dynamic: false });
        files.delete(chunk.fileName);
        // The entry's module may have moved into a chunk the page names as its script (its
        // own graph in one chunk, own-page-graph.ts): that one needs no preload link.
        for (const m of html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"/g)) files.delete(m[1]!.slice(base.length));
        return [...files].map(
          (file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' }),
        );
      },
    },
  };
}
