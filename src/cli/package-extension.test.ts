import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipFiles } from '../evidence/zip.ts';
import { packageDir } from './package-extension.ts';

const dirs: string[] = [];
afterEach(async () => void (await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))));

/** A build folder written in the given order, every file with the given modification time. */
async function build(order: string[], mtime: Date): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-pkg-'));
  dirs.push(dir);
  const files: Record<string, string> = {
    'manifest.json': '{"manifest_version":3}',
    'assets/app-1a2b.js': 'console.log(1);\n//# sourceMappingURL=app-1a2b.js.map\n',
    'assets/app-1a2b.js.map': '{"version":3}',
    'icons/icon-16.png': 'png',
    'src/popup/index.html': '<!doctype html>',
    'assets/fake-page.test-kit.js': 'test',
    'test/fixture.html': 'test',
  };
  for (const name of order) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), files[name]!);
    await utimes(path.join(dir, name), mtime, mtime);
  }
  return dir;
}

describe('store packages', () => {
  const names = ['manifest.json', 'assets/app-1a2b.js', 'assets/app-1a2b.js.map', 'icons/icon-16.png', 'src/popup/index.html', 'assets/fake-page.test-kit.js', 'test/fixture.html'];

  it('are the same bytes for the same build, whatever the file times and the order they were written', async () => {
    const a = await packageDir(await build(names, new Date('2026-01-05T10:00:00Z')));
    const b = await packageDir(await build([...names].reverse(), new Date('2031-07-09T23:59:59Z')));
    expect(Buffer.from(b.zip).equals(Buffer.from(a.zip))).toBe(true);
  });

  it('hold the extension in sorted order, without source maps, their comments or test files', async () => {
    const { zip } = await packageDir(await build(names, new Date()));
    const files = unzipFiles(zip);
    expect([...files.keys()]).toEqual(['assets/app-1a2b.js', 'icons/icon-16.png', 'manifest.json', 'src/popup/index.html']);
    expect(new TextDecoder().decode(files.get('assets/app-1a2b.js'))).toBe('console.log(1);\n');
  });

  it('sort the entries by their full path, not folder by folder as the build folder is walked', async () => {
    // Node lists each folder sorted, so a package that took the walk's order would look
    // sorted in the other tests; but a walk puts `assets/` before `assets-manifest.json`,
    // where sorting by path puts '-' (0x2d) and '.' (0x2e) before '/' (0x2f).
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-pkg-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'assets'));
    for (const f of ['assets/b.js', 'assets/a.js', 'assets.json', 'assets-manifest.json', 'manifest.json']) await writeFile(path.join(dir, f), f);
    const want = ['assets-manifest.json', 'assets.json', 'assets/a.js', 'assets/b.js', 'manifest.json'];
    const { zip, files } = await packageDir(dir);
    expect(files).toEqual(want);
    expect([...unzipFiles(zip).keys()]).toEqual(want);
  });
});
