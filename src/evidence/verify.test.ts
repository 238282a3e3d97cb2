import { beforeEach, describe, expect, it } from 'vitest';
import { bundleFiles } from './bundle.ts';
import { collectBundle } from './collect.ts';
import { formatSums } from './sha256sums.ts';
import { sha256Hex, utf8Bytes } from './format.ts';
import { storeCapture } from './evidence.test-kit.ts';
import { verifyBundle, formatReport, type VerifyReport } from './verify.ts';
import { unzipFiles, zipFiles } from './zip.ts';

type Files = Map<string, Uint8Array>;
let files: Files;
let chain: string[]; // manifest hashes, oldest first
let evidence: string[]; // the exported request's artifact paths

/** What a careful forger does after an edit: rewrite SHA256SUMS to match. */
async function resum(f: Files): Promise<Files> {
  const lines = await Promise.all([...f].filter(([p]) => p !== 'SHA256SUMS').map(async ([path, data]) => ({ path, sha256: await sha256Hex(data) })));
  f.set('SHA256SUMS', utf8Bytes(formatSums(lines)));
  return f;
}

const flip = (data: Uint8Array, at = 10) => {
  const copy = data.slice();
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

const failedPaths = (r: VerifyReport) => r.failures.map((f) => f.path);
const messages = (r: VerifyReport) => r.failures.map((f) => `${f.path}: ${f.message}`).join('\n');

beforeEach(async () => {
  const captures = [await storeCapture(), await storeCapture(), await storeCapture()];
  chain = captures.map((c) => c.manifestSha);
  const last = captures[2]!.record;
  files = await bundleFiles(await collectBundle([last.clientRequestId]));
  evidence = [...files.keys()].filter((p) => p.startsWith('evidence/'));
});

describe('verify-bundle checks', () => {
  it('passes a bundle as exported, also after a trip through ZIP', async () => {
    const report = await verifyBundle(unzipFiles(zipFiles(files)));
    expect(messages(report)).toBe('');
    expect(report.ok).toBe(true);
    expect(report.checked).toContain('capture manifests named by their hash: 3');
    expect(report.checked).toContain('artifacts matching their manifests (hash and size): 3');
    expect(formatReport(report, 'b.zip')).toContain('OK: every file, artifact and chain link holds.');
  });

  it('names an artifact with one edited byte, whether or not SHA256SUMS was rewritten', async () => {
    const png = evidence.find((p) => p.endsWith('.png'))!;
    files.set(png, flip(files.get(png)!));
    const plain = await verifyBundle(files);
    expect(plain.ok).toBe(false);
    expect(failedPaths(plain)).toEqual([png, png]);
    expect(messages(plain)).toMatch(/does not match SHA256SUMS/);

    const forged = await verifyBundle(await resum(files));
    expect(forged.ok).toBe(false);
    expect(failedPaths(forged)).toEqual([png]);
    expect(messages(forged)).toMatch(/not to the hash in its name/);
    expect(formatReport(forged, 'b.zip')).toContain(`FAIL ${png}: its bytes hash to`);
  });

  it('names a removed artifact, whether or not its SHA256SUMS line went too', async () => {
    const archive = evidence.find((p) => p.endsWith('.mhtml'))!;
    files.delete(archive);
    const plain = await verifyBundle(files);
    expect(messages(plain)).toContain(`${archive}: is listed in SHA256SUMS but not in the bundle (removed)`);

    const forged = await verifyBundle(await resum(files));
    expect(forged.ok).toBe(false);
    expect(messages(forged)).toContain(`${archive.replace(/\.mhtml$/, '')}: the page_archive of request`);
  });

  it('names a manifest removed from the middle of the chain', async () => {
    files.delete(`manifests/${chain[1]}.json`);
    const report = await verifyBundle(await resum(files));
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      { path: `manifests/${chain[2]}.json`, message: expect.stringContaining(`names previous manifest ${chain[1]}, which is outside the bundle`) },
    ]);
  });

  it('names a manifest edited in the middle of the chain, kept under its name or renamed to its new hash', async () => {
    const path = `manifests/${chain[1]}.json`;
    const edited = utf8Bytes(new TextDecoder().decode(files.get(path)).replace('"capturedAt": "', '"capturedAt": "1'));
    files.set(path, edited);
    const kept = await verifyBundle(await resum(files));
    expect(failedPaths(kept)).toContain(path);
    expect(messages(kept)).toContain(`${path}: its bytes hash to`);

    files.delete(path);
    files.set(`manifests/${await sha256Hex(edited)}.json`, edited);
    const renamed = await verifyBundle(await resum(files));
    expect(renamed.ok).toBe(false);
    expect(messages(renamed)).toContain(`manifests/${chain[2]}.json: names previous manifest ${chain[1]}, which is outside the bundle`);
  });

  it('reports a fork: two manifests that claim the same predecessor', async () => {
    const middle = JSON.parse(new TextDecoder().decode(files.get(`manifests/${chain[1]}.json`))) as Record<string, unknown>;
    const rival = utf8Bytes(JSON.stringify({ ...middle, captureId: 'rewritten' }, null, 2) + '\n');
    files.set(`manifests/${await sha256Hex(rival)}.json`, rival);
    const report = await verifyBundle(await resum(files));
    expect(report.ok).toBe(false);
    expect(messages(report)).toMatch(new RegExp(`the chain forks: manifests .*${chain[1]}.* all name ${chain[0]} as their previous manifest`));
  });

  it('names a file that SHA256SUMS does not list', async () => {
    files.set('notes.txt', utf8Bytes('added later'));
    expect(messages(await verifyBundle(files))).toBe('notes.txt: is in the bundle but not listed in SHA256SUMS');
  });

  it('refuses an archive that is not a ZIP', () => {
    expect(() => unzipFiles(utf8Bytes('PK but not really'))).toThrow(/not a readable ZIP/);
  });
});
