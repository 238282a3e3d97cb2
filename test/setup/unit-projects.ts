import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The unit test files in two groups. Most run in node against fake browser APIs that the
 * setup file replaces before every test: they share one module graph per worker (isolate
 * off), which spares each of ~80 files its own import of zod, idb and the sources (about
 * half the unit phase). A file keeps its own fresh module graph and globals when sharing
 * would let one file change another: a DOM environment (happy-dom's document and our mount
 * point outlive the file), module mocks (vi.mock would not replace a module an earlier
 * file already imported), or the worker's code (src/background: its capture, stamp and send
 * runners keep a module-level "running" promise, and work one file left running wrote into
 * the next file's fresh database when they shared modules).
 */
export function unitFiles(root: string, dirs: string[]): { isolated: string[]; shared: string[] } {
  const isolated: string[] = [];
  const shared: string[] = [];
  for (const dir of dirs) {
    for (const rel of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!/\.test\.tsx?$/.test(rel) || rel.split(path.sep).includes('node_modules')) continue;
      const file = path.posix.join(dir, rel.split(path.sep).join('/'));
      const text = readFileSync(path.join(root, file), 'utf8');
      (file.startsWith('src/background/') || /@vitest-environment|\bvi\.(do)?mock\(|\bvi\.stubGlobal\(|\bvi\.useFakeTimers\(/.test(text) ? isolated : shared).push(file);
    }
  }
  return { isolated: isolated.sort(), shared: shared.sort() };
}
