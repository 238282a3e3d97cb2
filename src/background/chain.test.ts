import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flag as flagOnly, type FlagContext } from './flag.ts';
import { runCaptures } from './capture/jobs-runner.ts';
import type { RequestOf } from '../shared/messages.ts';

/** Flags, then lets the capture job run to its end (the worker does both, one after the other). */
async function flag(p: RequestOf<'flag'>, c: FlagContext) {
  const answer = await flagOnly(p, c);
  await runCaptures();
  return answer;
}
import { db } from '../shared/db/open.ts';
import { saveSettings } from '../shared/db/kv.ts';
import { readManifest } from '../evidence/format.ts';
import { bundleFiles } from '../evidence/bundle.ts';
import { collectBundle } from '../evidence/collect.ts';
import { verifyBundle } from '../evidence/verify.ts';
import { fakePage } from './capture/fake-page.test-kit.ts';

// The worker writes the chain, verify-bundle reads it: these tests hold the two together.

vi.mock('./capture/stitch.ts', async () => {
  const { fakePngDataUrl } = await import('./capture/fake-png.test-kit.ts');
  const { dataUrlBytes } = await import('./capture/png.ts');
  return { stitch: async (_p: unknown, width: number, height: number) => dataUrlBytes(fakePngDataUrl(width, height, 1)) };
});

let n = 0;
const ctx = () => ({
  tab: { id: 3, windowId: 1, url: 'https://item.taobao.com/item.htm?id=600000000001', title: 'A page' },
  // Every flag at the same instant: the chain must not depend on the clock to stay linear.
  now: () => new Date('2026-03-02T08:00:00Z'),
  newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
});
const payload = (itemId: string) => ({
  listings: [{ marketplace: 'taobao', itemId, url: `https://item.taobao.com/item.htm?id=${itemId}`, title: `Bag ${itemId}`, seller: { name: 'Shop' } }],
  reason: 'counterfeit' as const,
  ipRightId: 'ipr_1',
  note: '',
});

async function manifestOf(clientRequestId: string) {
  const database = await db();
  const record = (await database.get('requests', clientRequestId))!;
  const sha = record.evidence.find((e) => e.kind === 'capture_manifest')!.sha256;
  const read = readManifest(new Uint8Array((await database.get('evidence', sha))!.data));
  if (!read.ok) throw new Error(read.error);
  return { sha, manifest: read.manifest };
}

async function flagged(itemId: string) {
  const answer = await flag(payload(itemId), ctx());
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.clientRequestIds[0]!;
}

beforeEach(async () => {
  await saveSettings({ me: { member: { id: 'm', name: 'M' }, ipRights: [{ id: 'ipr_1', kind: 'trademark', title: 'T', registrationNumber: '1', jurisdiction: 'CN', classes: [25], brand: 'B' }] } });
  chrome.pageCapture.saveAsMHTML = (async () => new Blob(['MIME-Version: 1.0\r\n'])) as never;
  fakePage({ pageHeight: 800 });
});

describe('the capture chain the worker writes', () => {
  it("names the first flag's manifest SHA-256 in the second's, and the first names none", async () => {
    const first = await manifestOf(await flagged('600000000001'));
    const second = await manifestOf(await flagged('600000000002'));
    expect(first.manifest.previousManifestSha256).toBeNull();
    expect(second.manifest.previousManifestSha256).toBe(first.sha);
  });

  it('chains flags made at the same moment one after the other, never forked, and verify-bundle agrees', async () => {
    const ids = await Promise.all(['600000000001', '600000000002', '600000000003'].map(flagged));
    const links = await Promise.all(ids.map(manifestOf));
    const previous = links.map((l) => l.manifest.previousManifestSha256);
    // One first capture, every other one names a distinct predecessor from the same set.
    expect(previous.filter((p) => p === null)).toHaveLength(1);
    expect(new Set(previous).size).toBe(3);
    for (const p of previous) if (p) expect(links.map((l) => l.sha)).toContain(p);
    await expect((await db()).get('kv', 'captureChainHead')).resolves.toBe(links.find((l) => !previous.includes(l.sha))!.sha);

    const last = links.find((l) => !previous.includes(l.sha))!;
    const files = await bundleFiles(await collectBundle([last.manifest.clientRequestIds[0]!]));
    expect([...files.keys()].filter((p) => p.startsWith('manifests/'))).toHaveLength(3);
    const report = await verifyBundle(files);
    expect(report.failures).toEqual([]);
    expect(report.checked).toContain('manifests re-walked along the chain: 3');
  });

  it('reports a middle manifest removed from a bundle of worker-made captures', async () => {
    const ids = [];
    for (const item of ['600000000001', '600000000002', '600000000003']) ids.push(await flagged(item));
    const [, middle, last] = await Promise.all(ids.map(manifestOf));
    const files = await bundleFiles(await collectBundle([ids[2]!]));
    files.delete(`manifests/${middle!.sha}.json`);
    const report = await verifyBundle(files);
    expect(report.ok).toBe(false);
    expect(report.failures).toContainEqual({
      path: `manifests/${last!.sha}.json`,
      message: expect.stringContaining(`names previous manifest ${middle!.sha}, which is outside the bundle`),
    });
  });
});
