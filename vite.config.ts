/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.config.ts';
import type { Plugin } from 'vite';
import path from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Narrows what crxjs makes web-accessible: any page may fetch those files, so source maps
 * stay private. (use_dynamic_url stays off: the crxjs loader imports the content script
 * from its static URL, and Chromium 156 refuses that import when the flag is on.)
 */
function hardenWebAccessibleResources(): Plugin {
  return {
    name: 'harden-web-accessible-resources',
    enforce: 'post',
    // crxjs writes the manifest at the very end of the build, so this edits the written file.
    closeBundle() {
      const file = path.resolve(import.meta.dirname, 'dist/manifest.json');
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

export default defineConfig({
  plugins: underTest ? [preact()] : [crx({ manifest }), preact(), hardenWebAccessibleResources()],
  build: {
    target: 'chrome116',
    // Vite's preload helper runs in content scripts too: it put <link rel=modulepreload>
    // elements into the marketplace page's own <head> and walked its links (about 50 ms on a
    // big search page in the profile). Chunks load by their imports alone.
    modulePreload: false,
    sourcemap: true,
    emptyOutDir: true,
  },
  server: { strictPort: true, port: 5173, hmr: { port: 5173 } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'sandbox/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/unit-setup.ts'],
    testTimeout: 15000,
  },
});
