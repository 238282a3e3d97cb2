import { describe, expect, it } from 'vitest';
import { db } from '../shared/db/open.ts';
import { saveSettings } from '../shared/db/kv.ts';
import { bundleFileName, bundleFiles } from './bundle.ts';
import { collectBundle } from './collect.ts';
import { parseSums } from './sha256sums.ts';
import { sha256Hex } from './format.ts';
import { storeCapture } from './evidence.test-kit.ts';
import { unzipFiles, zipFiles } from './zip.ts';
import { verifyBundle } from './verify.ts';

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('evidence bundle', () => {
  it('holds the request, its artifacts, the chain back to the first capture, SHA256SUMS and a README', async () => {
    await saveSettings({ baseUrl: 'https://intake.example', token: 'secret-token-123' });
    const first = await storeCapture();
    const second = await storeCapture({ caseId: 'TD-2026-000042', caseStatus: 'in_review', slaDueAt: '2026-11-21T02:00:00.000Z', note: '商标 copied' });
    await storeCapture(); // a later capture: not part of this request's history

    const files = await bundleFiles(await collectBundle([second.record.clientRequestId]));
    const [shot, archive, metadata] = second.record.evidence;
    expect([...files.keys()]).toEqual([
      'README.txt',
      'SHA256SUMS',
      'requests.json',
      ...[`manifests/${first.manifestSha}.json`, `manifests/${second.manifestSha}.json`].sort(),
      ...[`evidence/${shot!.sha256}.png`, `evidence/${archive!.sha256}.mhtml`, `evidence/${metadata!.sha256}.json`].sort(),
    ]);
    for (const [path, data] of files) {
      const claimed = /([0-9a-f]{64})\.\w+$/.exec(path)?.[1];
      if (claimed) expect(await sha256Hex(data), path).toBe(claimed);
    }

    // SHA256SUMS lists every other file, in order, with the hash of the bytes written.
    const sums = parseSums(text(files.get('SHA256SUMS')));
    expect(sums.malformed).toEqual([]);
    expect(sums.lines.map((l) => l.path)).toEqual([...files.keys()].filter((p) => p !== 'SHA256SUMS'));
    for (const l of sums.lines) expect(await sha256Hex(files.get(l.path)!)).toBe(l.sha256);

    const filed = JSON.parse(text(files.get('requests.json'))) as { requests: Record<string, unknown>[] };
    expect(filed.requests).toHaveLength(1);
    expect(filed.requests[0]).toMatchObject({
      clientRequestId: second.record.clientRequestId,
      state: 'in_review',
      caseId: 'TD-2026-000042',
      slaDueAt: '2026-11-21T02:00:00.000Z',
      reason: 'counterfeit',
      ipRightId: 'ipr_7781',
      note: '商标 copied',
      listing: { itemId: second.record.listing.itemId },
    });
    expect(filed.requests[0]).not.toHaveProperty('outbox');
    const everything = [...files.values()].map(text).join('\n');
    expect(everything).not.toContain('secret-token-123');
    expect(everything).not.toContain('intake.example');

    const readme = text(files.get('README.txt'));
    expect(readme).toContain('sha256sum -c SHA256SUMS');
    expect(readme).toContain('npm run verify-bundle');
    expect(readme).toContain('previousManifestSha256');
    // The chain is listed newest first.
    expect(readme.indexOf(second.manifestSha)).toBeLessThan(readme.lastIndexOf(first.manifestSha));
    expect(readme).not.toContain('MISSING');
    expect(bundleFileName([second.record])).toBe('evidence-TD-2026-000042.zip');
    expect(bundleFileName([first.record])).toBe(`evidence-${first.record.clientRequestId}.zip`);
  });

  it('zips byte for byte the same every time, and unzips to the same files', async () => {
    const { record } = await storeCapture();
    const zipA = zipFiles(await bundleFiles(await collectBundle([record.clientRequestId])));
    const zipB = zipFiles(await bundleFiles(await collectBundle([record.clientRequestId])));
    expect(await sha256Hex(zipA)).toBe(await sha256Hex(zipB));
    const files = unzipFiles(zipA);
    expect([...files.keys()][0]).toBe('README.txt');
    expect((await verifyBundle(files)).ok).toBe(true);
  });

  it('bundles a selection with each artifact once and the shared chain once', async () => {
    const a = await storeCapture();
    const b = await storeCapture();
    const files = await bundleFiles(await collectBundle([b.record.clientRequestId, a.record.clientRequestId]));
    expect([...files.keys()].filter((p) => p.startsWith('manifests/'))).toHaveLength(2);
    expect([...files.keys()].filter((p) => p.startsWith('evidence/'))).toHaveLength(6);
    expect(bundleFileName([a.record, b.record])).toBe('evidence-2-requests.zip');
    expect((await verifyBundle(files)).ok).toBe(true);
  });

  it('names in the README a manifest of the chain that this device no longer holds', async () => {
    const first = await storeCapture();
    const second = await storeCapture();
    await (await db()).delete('evidence', first.manifestSha);
    const files = await bundleFiles(await collectBundle([second.record.clientRequestId]));
    expect(text(files.get('README.txt'))).toContain(`MISSING: named but no longer held by this device when the bundle was made\n  manifest ${first.manifestSha}, named by ${second.manifestSha}`);
    const report = await verifyBundle(files);
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([expect.objectContaining({ path: `manifests/${second.manifestSha}.json`, message: expect.stringContaining(`${first.manifestSha}, which is outside the bundle`) })]);
  });
});
