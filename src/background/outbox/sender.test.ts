import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../sandbox/server.ts';
import { DEMO_TOKEN } from '../../../sandbox/demo.ts';
import { db } from '../../shared/db/open.ts';
import { getPause, saveSettings, setPause } from '../../shared/db/kv.ts';
import { listRequests } from '../../shared/db/requests.ts';
import { sha256Hex } from '../../evidence/format.ts';
import { record } from '../../../test/unit/records.ts';
import { ASK_FIRST_BYTES, drainOutbox, type SenderDeps } from './sender.ts';
import { answerPings } from './liveness.ts';
import { makeAllDue } from './store.ts';
import { getPace } from './pace-store.ts';
import { probeIfDue } from './probe.ts';

// The sender against the real sandbox API over HTTP, with fake-indexeddb underneath:
// at-least-once sending, exactly-once effect.
let sandbox: Sandbox;
let clock: number;
const deps = (): SenderDeps => ({ now: () => clock, random: () => 0.5, newId: () => crypto.randomUUID(), owner: 'worker-a' });
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function queue(n: number) {
  const bytes = new TextEncoder().encode('{"evidence":"metadata"}').buffer as ArrayBuffer;
  const sha = await sha256Hex(bytes);
  const database = await db();
  await database.put('evidence', { sha256: sha, mediaType: 'application/json', bytes: bytes.byteLength, data: bytes, createdAt: '2026-11-22T05:59:58.000Z' });
  for (let i = 0; i < n; i++) {
    await database.put(
      'requests',
      record({ id: uuid(i), itemId: String(600000000000 + i), evidence: [{ sha256: sha, kind: 'metadata', mediaType: 'application/json', bytes: bytes.byteLength, capturedAt: '2026-11-22T05:59:58.000Z' }] }),
    );
  }
  return sha;
}

beforeEach(async () => {
  clock = Date.parse('2026-11-24T02:00:00.000Z'); // a Tuesday
  sandbox = await createSandbox({ testControls: true, rateLimitPerSecond: 1000 });
  await saveSettings({ baseUrl: sandbox.url, token: DEMO_TOKEN });
});
afterEach(async () => {
  await sandbox.close();
});

describe('outbox sender', () => {
  it('uploads evidence, files every request once, and stores the case and its SLA', async () => {
    const sha = await queue(3);
    const report = await drainOutbox(deps());
    expect(report).toMatchObject({ batches: 1, submitted: 3, stoppedBy: 'done' });
    expect(sandbox.evidence(sha)).toBeDefined();
    const cases = sandbox.listCases();
    expect(cases).toHaveLength(3);
    const stored = await listRequests();
    for (const r of stored) {
      const c = cases.find((k) => k.clientRequestId === r.clientRequestId)!;
      expect(r).toMatchObject({ caseId: c.caseId, slaDueAt: c.slaDueAt, outbox: { state: 'submitted', batchId: null } });
    }
    expect(await (await db()).count('batches')).toBe(0);
  });

  it('keeps a batch through a 503 with Retry-After and resends it with the same key', async () => {
    await queue(2);
    sandbox.faults.push({ kind: 'status', status: 503, retryAfter: '5', match: { method: 'POST' } });
    const first = await drainOutbox(deps());
    expect(first.stoppedBy).toBe('failure');
    const [batch] = await (await db()).getAll('batches');
    expect(batch!.nextAttemptAt).toBeGreaterThanOrEqual(clock + 5000);
    expect((await listRequests()).every((r) => r.outbox.state === 'queued' && r.outbox.lastError?.code === 'unavailable')).toBe(true);

    clock = batch!.nextAttemptAt;
    expect((await drainOutbox(deps())).submitted).toBe(2);
    const posts = sandbox.calls.filter((c) => c.method === 'POST');
    expect(new Set(posts.map((c) => c.idempotencyKey)).size).toBe(1);
    expect(sandbox.listCases()).toHaveLength(2);
  });

  it('survives an answer lost after the service stored it: the retry files nothing twice', async () => {
    await queue(3);
    sandbox.faults.push({ kind: 'reset', when: 'after', match: { method: 'POST' } });
    expect((await drainOutbox(deps())).stoppedBy).toBe('failure');
    expect(sandbox.listCases()).toHaveLength(3);
    clock += 10 * 60_000;
    expect((await drainOutbox(deps())).submitted).toBe(3);
    expect(sandbox.listCases()).toHaveLength(3);
    expect((await listRequests()).every((r) => r.caseId)).toBe(true);
  });

  it('treats HTML and wrongly shaped answers as transient and changes no stored case', async () => {
    await queue(1);
    sandbox.faults.push({ kind: 'html200', match: { method: 'POST' } });
    expect((await drainOutbox(deps())).stoppedBy).toBe('failure');
    clock += 10 * 60_000;
    sandbox.faults.push({ kind: 'wrongShape', match: { method: 'POST' } });
    expect((await drainOutbox(deps())).stoppedBy).toBe('failure');
    const [r] = await listRequests();
    expect(r!.caseId).toBeNull();
    clock += 10 * 60_000;
    expect((await drainOutbox(deps())).submitted).toBe(1);
  });

  it('pauses the whole queue on 401 and resumes once the settings change', async () => {
    await queue(2);
    await saveSettings({ token: 'revoked-token' });
    expect((await drainOutbox(deps())).stoppedBy).toBe('paused');
    expect(await getPause()).toMatchObject({ code: 'unauthorized' });
    expect((await drainOutbox(deps())).stoppedBy).toBe('paused');
    expect(sandbox.listCases()).toHaveLength(0);

    await saveSettings({ token: DEMO_TOKEN });
    await setPause(null);
    expect((await drainOutbox(deps())).submitted).toBe(2);
  });

  it('puts a permanent rejection in front of the user with the reason', async () => {
    await queue(1);
    sandbox.markListingUnavailable('taobao', '600000000000');
    await drainOutbox(deps());
    const [r] = await listRequests();
    expect(r!.outbox).toMatchObject({ state: 'attention', lastError: { code: 'listing_unavailable' } });
  });

  it('leaves the queue alone while another live worker holds the lease, and takes over a dead one\'s at once', async () => {
    await queue(1);
    await (await db()).put('kv', { owner: 'worker-b', expiresAt: clock + 10_000 }, 'senderLease');
    const stopAnswering = answerPings('worker-b');
    expect((await drainOutbox(deps())).stoppedBy).toBe('lease_held');
    stopAnswering(); // Chrome killed worker b: its lease has not expired, but nobody answers for it.
    expect((await drainOutbox(deps())).submitted).toBe(1);
  });
});

describe('send now', () => {
  it('sends what waits for a backoff at once', async () => {
    await queue(1);
    sandbox.faults.push({ kind: 'status', status: 503, retryAfter: '600', match: { method: 'POST' } });
    await drainOutbox(deps());
    expect((await drainOutbox(deps())).batches).toBe(0);
    await makeAllDue(clock);
    expect((await drainOutbox(deps())).submitted).toBe(1);
  });
});

describe('evidence uploads', () => {
  it('sends each file once (a small one without asking first), and again only after the service reported evidence_missing', async () => {
    const sha = await queue(2);
    await drainOutbox(deps());
    const count = (method: string) => sandbox.calls.filter((c) => c.method === method && c.path === `/v1/evidence/${sha}`).length;
    expect([count('HEAD'), count('PUT')]).toEqual([0, 1]);

    // A later request with the same file: the confirmed upload is remembered, nothing is asked.
    const database = await db();
    const ref = { sha256: sha, kind: 'metadata', mediaType: 'application/json', bytes: 23, capturedAt: '2026-11-22T05:59:58.000Z' };
    await database.put('requests', record({ id: uuid(50), itemId: '600000000050', evidence: [ref] }));
    await drainOutbox(deps());
    expect([count('HEAD'), count('PUT')]).toEqual([0, 1]);

    // The service loses the file: the next request is answered evidence_missing, the sender
    // forgets what it remembered, uploads the file again and resends the request.
    expect(sandbox.loseEvidence(sha)).toBe(true);
    await database.put('requests', record({ id: uuid(51), itemId: '600000000051', evidence: [ref] }));
    const report = await drainOutbox(deps());
    const posts = sandbox.calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(4);
    expect([count('HEAD'), count('PUT')]).toEqual([0, 2]);
    expect(sandbox.evidence(sha)).toBeDefined();
    expect(report.submitted).toBe(1);
    const resent = await listRequests().then((all) => all.find((r) => r.clientRequestId === uuid(51))!);
    expect(resent).toMatchObject({ outbox: { state: 'submitted', lastError: null } });
    expect(resent.caseId).toBe(sandbox.listCases().find((c) => c.clientRequestId === uuid(51))!.caseId);
  });
});

describe('big files', () => {
  it('asks before uploading a file over 64 KiB, and uploads nothing the service already holds', async () => {
    const bytes = new Uint8Array(ASK_FIRST_BYTES + 1).fill(7).buffer as ArrayBuffer;
    const sha = await sha256Hex(bytes);
    const ref = { sha256: sha, kind: 'page_archive', mediaType: 'multipart/related', bytes: bytes.byteLength, capturedAt: '2026-11-22T05:59:58.000Z' } as const;
    const database = await db();
    await database.put('evidence', { sha256: sha, mediaType: 'multipart/related', bytes: bytes.byteLength, data: bytes, createdAt: '2026-11-22T05:59:58.000Z' });
    await database.put('requests', record({ id: uuid(60), itemId: '600000000060', evidence: [ref] }));
    await drainOutbox(deps());
    const count = (method: string) => sandbox.calls.filter((c) => c.method === method && c.path === `/v1/evidence/${sha}`).length;
    expect([count('HEAD'), count('PUT')]).toEqual([1, 1]);
    // Another device's request with the same file: this one was never told the service holds it.
    await (await db()).delete('kv', `uploaded:${sha}`);
    await database.put('requests', record({ id: uuid(61), itemId: '600000000061', evidence: [ref] }));
    expect((await drainOutbox(deps())).submitted).toBe(1);
    expect([count('HEAD'), count('PUT')]).toEqual([2, 1]);
  });
});

describe('backoff and progress', () => {
  it('grows the wait with failures in a row that got nowhere, and starts again after progress', async () => {
    await queue(1);
    const batchAttempts = async () => (await (await db()).getAll('batches'))[0]!.attempts;
    sandbox.faults.push({ kind: 'status', status: 503, match: { method: 'PUT' }, times: 2 }); // the evidence upload fails twice
    await drainOutbox(deps());
    expect(await batchAttempts()).toBe(1);
    clock += 60 * 60_000;
    await drainOutbox(deps());
    expect(await batchAttempts()).toBe(2);
    // The evidence now gets across, then the POST fails: progress, so the count restarts.
    sandbox.faults.push({ kind: 'status', status: 503, match: { method: 'POST' } });
    clock += 60 * 60_000;
    await drainOutbox(deps());
    expect(await batchAttempts()).toBe(1);
  });
});

describe('the pace after the service was sick', () => {
  const probeDeps = (online = true) => ({ now: () => clock, random: () => 0.5, online: () => online });
  const storedBatches = async () => (await db()).getAll('batches');

  /** One request whose batch met `n` 503s in a row, the clock moved past each backoff. */
  async function sickBatch(n: number) {
    await queue(1);
    sandbox.faults.push({ kind: 'status', status: 503, match: { method: 'POST' }, times: n });
    for (let i = 0; i < n; i++) {
      const [b] = await storedBatches();
      if (b) clock = Math.max(clock, b.nextAttemptAt);
      expect((await drainOutbox(deps())).stoppedBy).toBe('failure');
    }
    const [b] = await storedBatches();
    return b!;
  }

  it('a successful call makes a batch waiting out a long backoff due at once', async () => {
    const waiting = await sickBatch(8);
    expect(waiting.nextAttemptAt - clock).toBeGreaterThan(60_000);
    // A new flag goes out and is accepted: the service is back, the old batch follows in the same pass.
    clock += 1_000;
    await (await db()).put('requests', record({ id: uuid(70), itemId: '600000000070' }));
    const report = await drainOutbox(deps());
    expect(report).toMatchObject({ batches: 2, submitted: 2, stoppedBy: 'done' });
    expect(sandbox.listCases()).toHaveLength(2);
    expect(new Set(sandbox.calls.filter((c) => c.method === 'POST').map((c) => c.idempotencyKey)).size).toBe(2);
  });

  it('a probe well before the backoff ends finds the service back, and the queue drains at once', async () => {
    const waiting = await sickBatch(8);
    const pace = await getPace();
    expect(pace.probeAt).not.toBeNull();
    expect(pace.probeAt! - clock).toBeLessThanOrEqual(15_000);
    expect(waiting.nextAttemptAt).toBeGreaterThan(pace.probeAt! + 30_000);

    expect(await probeIfDue(probeDeps())).toBe(false); // not yet
    clock = pace.probeAt!;
    expect(await probeIfDue(probeDeps(false))).toBe(false); // offline: no probe
    expect(sandbox.calls.filter((c) => c.path === '/v1/me')).toHaveLength(0);
    expect(await probeIfDue(probeDeps())).toBe(true);
    expect(sandbox.calls.filter((c) => c.path === '/v1/me')).toHaveLength(1);
    expect((await drainOutbox(deps())).submitted).toBe(1);
    expect(sandbox.listCases()).toHaveLength(1);
    expect(await getPace()).toMatchObject({ failuresInARow: 0, probeAt: null });
  });

  it('a probe that finds the service still sick plans the next one later and changes nothing else', async () => {
    const waiting = await sickBatch(8);
    clock = (await getPace()).probeAt!;
    sandbox.faults.push({ kind: 'status', status: 503, match: { pathPrefix: '/v1/me' } });
    expect(await probeIfDue(probeDeps())).toBe(false);
    const after = await getPace();
    expect(after.failedProbes).toBe(1);
    expect(after.probeAt! - clock).toBeGreaterThanOrEqual(20_000);
    expect((await storedBatches())[0]!.nextAttemptAt).toBe(waiting.nextAttemptAt);
  });

  it('honours the service\'s Retry-After for every call, a new batch\'s too', async () => {
    await queue(1);
    sandbox.faults.push({ kind: 'status', status: 429, retryAfter: '30', match: { method: 'POST' } });
    expect((await drainOutbox(deps())).stoppedBy).toBe('failure');
    clock += 10_000;
    await (await db()).put('requests', record({ id: uuid(80), itemId: '600000000080' }));
    expect((await drainOutbox(deps())).stoppedBy).toBe('waiting');
    expect(sandbox.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    clock += 20_000;
    expect((await drainOutbox(deps())).submitted).toBe(2);
  });
});
