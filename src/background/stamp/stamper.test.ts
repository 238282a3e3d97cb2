import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../shared/db/open.ts';
import { saveSettings } from '../../shared/db/kv.ts';
import { storeCapture } from '../../evidence/evidence.test-kit.ts';
import { certificateDer, checkTimeStampResp } from '../../evidence/timestamp.ts';
import { startKit, type Kit } from '../../../sandbox/server.test-kit.ts';
import { makeStampsDue, newStampJob, retryStamp, stampDue } from './stamper.ts';
import { STAMP_POLICY } from './policy.ts';

// Against the sandbox's TSA over real HTTP (openssl signs), with a clock the test holds.
let kit: Kit;
let t = Date.parse('2026-11-24T02:00:00.000Z');
const deps = { now: () => t, random: () => 0.5 };

beforeEach(async () => {
  kit = await startKit();
});
afterEach(() => kit.done());

async function flaggedWithJob(patch: Parameters<typeof storeCapture>[0] = {}) {
  const c = await storeCapture(patch);
  await (await db()).put('stamps', newStampJob(c.manifestSha, new Date(t)));
  return c;
}
const manifestBytes = async (sha: string) => new Uint8Array((await (await db()).get('evidence', sha))!.data);

describe('stamping capture manifests', () => {
  it('keeps a granted, verified token and adds it to the request not yet sent', async () => {
    await saveSettings({ tsaUrls: [kit.sb.tsaUrl] });
    const { record, manifestSha } = await flaggedWithJob();
    expect(await stampDue(deps)).toBeNull();

    const database = await db();
    const job = (await database.get('stamps', manifestSha))!;
    expect(job).toMatchObject({ state: 'stamped', lastError: null, tokens: [{ tsaUrl: kit.sb.tsaUrl, tsa: 'CN=Sandbox TSA, O=Takedown Flagger sandbox' }] });
    const token = (await database.get('evidence', job.tokens[0]!.sha256))!;
    expect(token.mediaType).toBe('application/timestamp-reply');
    const root = certificateDer(new Uint8Array(await readFile(await kit.sb.tsaRootPath())))!;
    expect((await checkTimeStampResp(new Uint8Array(token.data), { data: await manifestBytes(manifestSha) }, [root])).ok).toBe(true);

    const request = (await database.get('requests', record.clientRequestId))!;
    expect(request.evidence.at(-1)).toMatchObject({ sha256: job.tokens[0]!.sha256, kind: 'timestamp_token', mediaType: 'application/timestamp-reply', bytes: token.bytes });
  });

  it('goes on to the next TSA when the first fails', async () => {
    await saveSettings({ tsaUrls: ['http://127.0.0.1:9/tsa', kit.sb.tsaUrl] });
    const { manifestSha } = await flaggedWithJob();
    await stampDue(deps);
    expect((await (await db()).get('stamps', manifestSha))!.tokens.map((x) => x.tsaUrl)).toEqual([kit.sb.tsaUrl]);
  });

  it('puts the job off with backoff while the TSA answers 503, and stamps it once the TSA is back', async () => {
    await saveSettings({ tsaUrls: [kit.sb.tsaUrl] });
    const { record, manifestSha } = await flaggedWithJob();
    kit.sb.faults.push({ kind: 'status', status: 503, match: { pathPrefix: '/tsa' }, times: 2 });
    const next = await stampDue(deps);
    const database = await db();
    const waiting = (await database.get('stamps', manifestSha))!;
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 503') });
    expect(next).toBe(waiting.nextAttemptAt);
    expect(next).toBeGreaterThanOrEqual(t + 5_000);
    // Not due yet: the TSA is not asked (the second fault stays queued).
    await stampDue(deps);
    expect(kit.sb.faults.pending()).toHaveLength(1);
    t = next!;
    await stampDue(deps);
    expect((await database.get('stamps', manifestSha))!.attempts).toBe(2);
    await makeStampsDue(t); // back online, or "send now"
    await stampDue(deps);
    expect((await database.get('stamps', manifestSha))!.state).toBe('stamped');
    expect((await database.get('requests', record.clientRequestId))!.evidence.map((e) => e.kind)).toContain('timestamp_token');
  });

  it('refuses an answer that is not a valid token for this manifest, and keeps asking', async () => {
    await saveSettings({ tsaUrls: [kit.sb.tsaUrl] });
    const { manifestSha } = await flaggedWithJob();
    kit.sb.faults.push({ kind: 'html200', match: { pathPrefix: '/tsa' } });
    await stampDue(deps);
    expect((await (await db()).get('stamps', manifestSha))!).toMatchObject({ state: 'pending', tokens: [], lastError: expect.stringContaining('not a DER TimeStampResp') });
  });

  it('keeps a late token locally only: a request already in a batch is sent unchanged', async () => {
    await saveSettings({ tsaUrls: [kit.sb.tsaUrl] });
    const c = await flaggedWithJob();
    const database = await db();
    const r = (await database.get('requests', c.record.clientRequestId))!;
    await database.put('requests', { ...r, outbox: { ...r.outbox, state: 'sending', batchId: 'batch-1' } });
    await stampDue(deps);
    expect((await database.get('stamps', c.manifestSha))!.state).toBe('stamped');
    expect((await database.get('requests', r.clientRequestId))!.evidence).toEqual(r.evidence);
  });

  it('asks nothing while no TSA is configured, and keeps the job for later', async () => {
    const { manifestSha } = await flaggedWithJob();
    expect(await stampDue(deps)).toBeNull();
    expect((await (await db()).get('stamps', manifestSha))!.state).toBe('pending');
    expect(kit.sb.calls).toHaveLength(0);
  });

  it('stops after a week of failing tries with the reason, and stamps again when the user says "try again"', async () => {
    await saveSettings({ tsaUrls: [kit.sb.tsaUrl] });
    const { manifestSha } = await flaggedWithJob();
    const start = t;
    kit.sb.faults.push({ kind: 'status', status: 503, match: { pathPrefix: '/tsa' }, times: 1000 });
    const database = await db();
    let rounds = 0;
    for (let next = await stampDue(deps); next !== null; next = await stampDue(deps)) {
      t = next;
      rounds++;
    }
    const failed = (await database.get('stamps', manifestSha))!;
    expect(failed).toMatchObject({ state: 'failed', tokens: [], lastError: expect.stringContaining('HTTP 503') });
    expect(Date.parse(failed.failedAt!) - start).toBeGreaterThanOrEqual(STAMP_POLICY.giveUpAfterMs);
    expect(rounds).toBeGreaterThanOrEqual(STAMP_POLICY.minFailures);
    // Given up: no alarm, and no TSA is asked again by itself, not even on coming back online.
    const asked = kit.sb.calls.length;
    await makeStampsDue(t + 3600_000);
    expect(await stampDue(deps)).toBeNull();
    expect(kit.sb.calls.length).toBe(asked);

    kit.sb.faults.clear();
    t += 24 * 3600_000;
    expect(await retryStamp(manifestSha, t)).toEqual({ ok: true });
    expect(await stampDue(deps)).toBeNull();
    expect((await database.get('stamps', manifestSha))!).toMatchObject({ state: 'stamped', lastError: null });
    expect(await retryStamp(manifestSha, t)).toEqual({ ok: false, code: 'already_stamped' });
  });

  it('asks no TSA and counts no failure while the browser is offline', async () => {
    await saveSettings({ tsaUrls: [kit.sb.tsaUrl] });
    const { manifestSha } = await flaggedWithJob();
    const next = await stampDue({ ...deps, online: () => false });
    expect(next).toBe(t + 60_000);
    expect(kit.sb.calls).toHaveLength(0);
    expect((await (await db()).get('stamps', manifestSha))!).toMatchObject({ state: 'pending', attempts: 0, lastError: null });
  });

  it('"timestamp now" on a capture made while no TSA was set asks for one now', async () => {
    const { manifestSha } = await storeCapture();
    expect(await (await db()).get('stamps', manifestSha)).toBeUndefined();
    await saveSettings({ tsaUrls: [kit.sb.tsaUrl] });
    expect(await retryStamp(manifestSha, t)).toEqual({ ok: true });
    await stampDue(deps);
    expect((await (await db()).get('stamps', manifestSha))!.state).toBe('stamped');
    expect(await retryStamp('c'.repeat(64), t)).toEqual({ ok: false, code: 'not_found' });
  });
});
