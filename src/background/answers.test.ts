import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/server.ts';
import { DEMO_TOKEN } from '../../sandbox/demo.ts';
import { db } from '../shared/db/open.ts';
import { saveSettings } from '../shared/db/kv.ts';
import { getRequest } from '../shared/db/requests.ts';
import { sha256Hex } from '../evidence/format.ts';
import { record } from '../../test/unit/records.ts';
import { drainOutbox } from './outbox/sender.ts';
import { drainAnswers, makeAnswersDue, OFFLINE_RECHECK_MS, queueAnswer } from './answers.ts';

// Answers to the alliance against the real sandbox over HTTP: queued durably, sent once.
let sandbox: Sandbox;
const now = () => new Date('2026-11-24T03:00:00.000Z');
const ID = '6f1c0f5e-0c7e-4b8e-9a55-8d3b1c2e7a10';
const deps = { now, owner: 'worker-a', random: () => 0.5 };

async function fileNeedsInfo(): Promise<string> {
  await (await db()).put('requests', record({ id: ID }));
  await drainOutbox({ now: () => now().getTime(), random: () => 0.5, newId: () => crypto.randomUUID(), owner: 'worker-a' });
  const caseId = (await getRequest(ID))!.caseId!;
  const c = sandbox.setCaseStatus(caseId, 'needs_info')!;
  await (await db()).put('requests', { ...(await getRequest(ID))!, caseStatus: 'needs_info', resolution: c.resolution });
  return caseId;
}

async function storeFile(text: string) {
  const data = new TextEncoder().encode(text).buffer as ArrayBuffer;
  const sha = await sha256Hex(data);
  await (await db()).put('evidence', { sha256: sha, mediaType: 'application/pdf', bytes: data.byteLength, data, createdAt: now().toISOString() });
  return { sha256: sha, kind: 'document', mediaType: 'application/pdf', bytes: data.byteLength, capturedAt: now().toISOString() };
}

beforeEach(async () => {
  sandbox = await createSandbox({ testControls: true, rateLimitPerSecond: 1000, now });
  await saveSettings({ baseUrl: sandbox.url, token: DEMO_TOKEN });
});
afterEach(async () => {
  await sandbox.close();
});

describe('answers to the alliance', () => {
  it('stores the answer, uploads its files, sends it once and brings the case back to in_review', async () => {
    const caseId = await fileNeedsInfo();
    const file = await storeFile('%PDF certificate');
    const queued = await queueAnswer({ clientRequestId: ID, message: 'Certificate attached.', evidence: [file], attachPage: false }, { now, newId: () => crypto.randomUUID() });
    expect(queued).toEqual({ ok: true });
    expect((await getRequest(ID))!.answer).toMatchObject({ state: 'queued', caseId });
    expect(await drainAnswers(deps)).toBe(1);
    expect(await drainAnswers(deps)).toBe(0);
    const r = (await getRequest(ID))!;
    expect(r.caseStatus).toBe('in_review');
    expect(r.answer).toMatchObject({ state: 'sent', sentAt: now().toISOString() });
    const stored = sandbox.getCase(caseId)!;
    expect(stored.responses).toHaveLength(1);
    expect(stored.responses![0]).toMatchObject({ message: 'Certificate attached.', evidence: [file] });
    expect(sandbox.evidence(file.sha256)).toBeDefined();
  });

  it('sends exactly once when the reply is lost after the service recorded it (same body, same key)', async () => {
    const caseId = await fileNeedsInfo();
    await queueAnswer({ clientRequestId: ID, message: 'Here.', evidence: [], attachPage: false }, { now, newId: () => crypto.randomUUID() });
    sandbox.faults.push({ kind: 'reset', when: 'after', match: { method: 'POST', pathPrefix: `/v1/takedowns/${caseId}/responses` } });
    expect(await drainAnswers(deps)).toBe(0);
    const waiting = (await getRequest(ID))!;
    expect(waiting.answer?.state).toBe('queued');
    await (await db()).put('requests', { ...waiting, answer: { ...waiting.answer!, nextAttemptAt: 0 } });
    expect(await drainAnswers(deps)).toBe(1);
    const posts = sandbox.calls.filter((c) => c.path.endsWith('/responses'));
    expect(posts).toHaveLength(2);
    expect(new Set(posts.map((p) => p.idempotencyKey)).size).toBe(1);
    expect(sandbox.getCase(caseId)!.responses).toHaveLength(1);
    expect((await getRequest(ID))!.caseStatus).toBe('in_review');
  });

  it('refuses an answer to a case that waits on nothing, and a second one while the first is queued', async () => {
    await (await db()).put('requests', record({ id: ID, caseId: 'TD-2026-000001', caseStatus: 'in_review' }));
    const refused = await queueAnswer({ clientRequestId: ID, message: 'x', evidence: [], attachPage: false }, { now, newId: () => crypto.randomUUID() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_waiting' } });
    await fileNeedsInfo();
    expect((await queueAnswer({ clientRequestId: ID, message: 'a', evidence: [], attachPage: false }, { now, newId: () => crypto.randomUUID() })).ok).toBe(true);
    expect(await queueAnswer({ clientRequestId: ID, message: 'b', evidence: [], attachPage: false }, { now, newId: () => crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('puts an answer the service will never take (the time to answer ended) in front of the user', async () => {
    const caseId = await fileNeedsInfo();
    await queueAnswer({ clientRequestId: ID, message: 'Late.', evidence: [], attachPage: false }, { now, newId: () => crypto.randomUUID() });
    sandbox.setCaseStatus(caseId, 'taken_down');
    expect(await drainAnswers(deps)).toBe(0);
    expect((await getRequest(ID))!.answer).toMatchObject({ state: 'attention', lastError: { code: 'not_waiting' } });
  });

  it('keeps an answer that waits for its fresh capture of the listing: stored at once, sent only once the capture joins it', async () => {
    const caseId = await fileNeedsInfo();
    expect(await queueAnswer({ clientRequestId: ID, message: 'See the page now.', evidence: [], attachPage: true }, { now, newId: () => crypto.randomUUID() })).toEqual({ ok: true });
    expect((await getRequest(ID))!.answer).toMatchObject({ state: 'capturing', caseId });
    expect(await drainAnswers(deps)).toBe(0);
    expect(sandbox.calls.filter((c) => c.path.endsWith('/responses'))).toHaveLength(0);
    // A second answer is refused while this one is being captured.
    expect(await queueAnswer({ clientRequestId: ID, message: 'again', evidence: [], attachPage: false }, { now, newId: () => crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('sends a queued answer at once when the browser comes back online, not after its backoff', async () => {
    const caseId = await fileNeedsInfo();
    await queueAnswer({ clientRequestId: ID, message: 'Back online.', evidence: [], attachPage: false }, { now, newId: () => crypto.randomUUID() });
    const r = (await getRequest(ID))!;
    await (await db()).put('requests', { ...r, answer: { ...r.answer!, attempts: 3, nextAttemptAt: now().getTime() + 60_000 } });
    expect(await drainAnswers(deps)).toBe(0);
    await makeAnswersDue(now().getTime());
    expect(await drainAnswers(deps)).toBe(1);
    expect(sandbox.getCase(caseId)!.responses).toHaveLength(1);
  });

  it('does not back off an answer that failed only because the browser was offline, and sends it at the first look once online', async () => {
    const caseId = await fileNeedsInfo();
    await queueAnswer({ clientRequestId: ID, message: 'Offline now.', evidence: [], attachPage: false }, { now, newId: () => crypto.randomUUID() });
    await saveSettings({ baseUrl: 'http://127.0.0.1:9', token: DEMO_TOKEN }); // nothing answers: as offline
    expect(await drainAnswers({ ...deps, online: () => false })).toBe(0);
    const waiting = (await getRequest(ID))!.answer!;
    expect(waiting).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: now().getTime() + OFFLINE_RECHECK_MS, lastError: { code: 'offline' } });
    await saveSettings({ baseUrl: sandbox.url, token: DEMO_TOKEN });
    expect(await drainAnswers({ ...deps, online: () => false })).toBe(0); // not due yet, and still offline
    expect(await drainAnswers({ ...deps, online: () => true })).toBe(1); // online: at once, not after the recheck
    expect(sandbox.getCase(caseId)!.responses).toHaveLength(1);
  });
});
