import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (dist/) in Debian's Chromium. One browser at a
// time: the machines have two cores, and the tests stop and restart workers and browsers.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
