import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (dist/) in Debian's Chromium. One browser at a
// time: the machines have two cores, and the tests stop and restart workers and browsers.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    // One process imports the harness, playwright-core and the sandbox once for every file
    // (isolated, each file paid about 1.5 s of imports: 28 s of a run). Each file starts and
    // closes its own stack, so nothing but the module cache is shared.
    isolate: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
