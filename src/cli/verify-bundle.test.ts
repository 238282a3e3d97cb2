import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleFiles } from '../evidence/bundle.ts';
import { collectBundle } from '../evidence/collect.ts';
import { storeCapture } from '../evidence/evidence.test-kit.ts';
import { zipFiles } from '../evidence/zip.ts';
import { main } from './verify-bundle.ts';

let dir: string | null = null;

// In-process: the end-to-end test runs the real command and checks its exit status.
async function run(file: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await main(['--', file], (text) => (stdout += text));
  return { code, stdout };
}

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('npm run verify-bundle', () => {
  it('exits 0 on an exported bundle and 1 naming the file once a byte changed', async () => {
    await storeCapture();
    const { record } = await storeCapture();
    const files = await bundleFiles(await collectBundle([record.clientRequestId]));
    dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-verify-'));
    const good = path.join(dir, 'good.zip');
    await writeFile(good, zipFiles(files));
    const ok = await run(good);
    expect(ok.stdout).toContain('OK: every file, artifact and chain link holds.');
    expect(ok.code).toBe(0);

    const json = [...files.keys()].find((p) => p.startsWith('evidence/') && p.endsWith('.json'))!;
    const bad = files.get(json)!.slice();
    bad[0] = bad[0]! ^ 1;
    files.set(json, bad);
    const tampered = path.join(dir, 'tampered.zip');
    await writeFile(tampered, zipFiles(files));
    const failed = await run(tampered);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`FAIL ${json}: does not match SHA256SUMS`);

    await writeFile(path.join(dir, 'junk.zip'), 'not a zip');
    const junk = await run(path.join(dir, 'junk.zip'));
    expect(junk.code).toBe(1);
    expect(junk.stdout).toContain('FAIL not a readable ZIP');
  });

  it('says how to use it when no file is given', async () => {
    let said = '';
    expect(await main([], (text) => (said += text))).toBe(2);
    expect(said).toContain('npm run verify-bundle -- FILE.zip');
  });
});
