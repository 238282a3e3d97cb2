import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { apiTarget } from './harness/api-target.ts';

// Against an integrator's own service (TDF_E2E_API_URL/TOKEN), only the files that can run
// there: those that ask apiTarget() which service to use. The others need the sandbox's test
// controls (reading what it stored, injecting faults) and are left out, not failed.
const all = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.e2e.ts')).sort();
const include = apiTarget().external
  ? all.filter((f) => readFileSync(path.join(import.meta.dirname, f), 'utf8').includes('apiTarget(')).map((f) => `test/e2e/${f}`)
  : ['test/e2e/**/*.e2e.ts'];

// End-to-end tests drive the built extension (dist/) in Debian's Chromium. One browser at a
// time: the machines have two cores, and the tests stop and restart workers and browsers.
export default defineConfig({
  test: {
    include,
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
