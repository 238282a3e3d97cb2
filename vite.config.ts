/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.config.ts';

// Under vitest the crx plugin is left out: it rewrites entries for the extension build
// and has nothing to offer unit tests (which run against sources).
const underTest = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: underTest ? [preact()] : [crx({ manifest }), preact()],
  build: {
    target: 'chrome116',
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
