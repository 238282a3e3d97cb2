/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.config.ts';
import firefoxManifest from './manifest.firefox.ts';
import type { Plugin } from 'vite';
import path from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { unitFiles } from './test/setup/unit-projects.ts';
import { classicContentScripts, type ContentScript } from './src/cli/classic-content-scripts.ts';
import { preloadPageGraph } from './src/cli/preload-page-graph.ts';
import { ownPageGraph } from './src/cli/own-page-graph.ts';

/**
 * Narrows what crxjs makes web-accessible: any page may fetch those files, so source maps
 * stay private. (use_dynamic_url stays off: the crxjs loader imports the content script
 * from its static URL, and Chromium 156 refuses that import when the flag is on.)
 */
function hardenWebAccessibleResources(): Plugin {
  let outDir = '';
  return {
    name: 'harden-web-accessible-resources',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // crxjs writes the manifest at the very end of the build, so this edits the written file.
    closeBundle() {
      const file = path.join(outDir, 'manifest.json');
      if (!existsSync(file)) return;
      const m = JSON.parse(readFileSync(file, 'utf8')) as { web_accessible_resources?: { resources: string[] }[] };
      for (const war of m.web_accessible_resources ?? []) {
        war.resources = war.resources.filter((r) => !r.endsWith('.map'));
      }
      writeFileSync(file, JSON.stringify(m, null, 2));
    },
  };
}

// Under vitest the crx plugin is left out: it rewrites entries for the extension build
// and has nothing to offer unit tests (which run against sources).
const underTest = Boolean(process.env.VITEST);

// One source tree, two targets: `vite build` is Chrome/Edge into dist/, `vite build --mode
// firefox` the Firefox build into dist-firefox/ (its manifest derived from Chrome's).
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  // The content scripts are built as classic scripts (src/cli/classic-content-scripts.ts),
  // not by crxjs: it gets the manifest without them.
  const { content_scripts: contentScripts, ...crxManifest } = (firefox ? firefoxManifest : manifest) as typeof manifest & { content_scripts: ContentScript[] };
  return {
  plugins: underTest
    ? [preact()]
    : [
        crx({ manifest: crxManifest as typeof manifest, browser: firefox ? 'firefox' : 'chrome' }),
        preact(),
        ownPageGraph({ entry: 'src/popup/main.tsx', name: 'popup' }),
        preloadPageGraph(['src/popup/index.html']),
        hardenWebAccessibleResources(),
        classicContentScripts({ scripts: contentScripts, jsxImportSource: 'preact' }),
      ],
  build: {
    // The printable evidence report is an extension page no manifest field names.
    rollupOptions: { input: { report: path.resolve(import.meta.dirname, 'src/popup/report.html') } },
    target: firefox ? 'firefox140' : 'chrome116',
    outDir: firefox ? 'dist-firefox' : 'dist',
    // Vite's preload helper runs in content scripts too: it put <link rel=modulepreload>
    // elements into the marketplace page's own <head> and walked its links (about 50 ms on a
    // big search page in the profile). Chunks load by their imports alone.
    modulePreload: false,
    sourcemap: true,
    emptyOutDir: true,
  },
  server: { strictPort: true, port: 5173, hmr: { port: 5173 } },
  test: {
    environment: 'node',
    setupFiles: ['test/setup/unit-setup.ts'],
    testTimeout: 15000,
    // Worker threads, not child processes: the same 1,325 tests ran 65 s instead of 77 s
    // here (each file's worker starts faster), which keeps `npm test` inside its 10 minutes.
    pool: 'threads',
    // Two groups, one rule (test/setup/unit-projects.ts): DOM and module-mocking files isolated.
    projects: underTest ? unitProjects() : [],
  },
  };
});

function unitProjects() {
  const { isolated, shared } = unitFiles(import.meta.dirname, ['src', 'sandbox', 'test/unit']);
  return [
    { extends: true as const, test: { name: 'isolated', include: isolated, isolate: true } },
    { extends: true as const, test: { name: 'shared', include: shared, isolate: false } },
  ];
}
