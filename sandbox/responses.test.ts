import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Case, SubmitResponse } from '../src/shared/api/schemas.ts';
import { startKit, submission } from './server.test-kit.ts';
import type { Kit } from './server.test-kit.ts';

let kit: Kit;
beforeEach(async () => { kit = await startKit(); });
afterEach(async () => { await kit.done(); });

async function fileCase(): Promise<string> {
  const r = await kit.submit({ requests: [submission()] });
  const [res] = SubmitResponse.parse(await r.json()).results;
  if (res?.outcome !== 'accepted') throw new Error('not accepted');
  return res.caseId;
}

const respond = (caseId: string, body: unknown, key: string = randomUUID()) =>
  kit.call(`/v1/takedowns/${caseId}/responses`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
  });

const answer = (over: object = {}) => ({ responseId: randomUUID(), message: 'Attached: the registration certificate.', evidence: [], ...over });

describe('POST /v1/takedowns/{caseId}/responses', () => {
  it('takes an answer to needs_info: 202 with the case back in in_review, recorded once', async () => {
    const id = await fileCase();
    kit.sb.setCaseStatus(id, 'needs_info');
    kit.clock.advance(60_000);
    const r = await respond(id, answer());
    expect(r.status).toBe(202);
    const c = Case.parse(await r.json());
    expect(c).toMatchObject({ caseId: id, status: 'in_review', resolution: null, respondBy: null, updatedAt: '2026-11-24T02:01:00.000Z' });
    expect(kit.sb.getCase(id)?.responses).toHaveLength(1);
    expect(kit.sb.getCase(id)?.responses?.[0]?.answeredStatus).toBe('needs_info');
  });

  it('replays the first answer for the same key and body, 422 for another body, and never records a responseId twice', async () => {
    const id = await fileCase();
    kit.sb.setCaseStatus(id, 'counter_notice');
    const body = answer();
    const key = randomUUID();
    const first = await respond(id, body, key);
    expect(first.status).toBe(202);
    const again = await respond(id, body, key);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await respond(id, { ...body, message: 'other' }, key)).status).toBe(422);
    // Same responseId under a fresh key: still one answer.
    expect((await respond(id, body)).status).toBe(202);
    expect(kit.sb.getCase(id)?.responses).toHaveLength(1);
  });

  it('refuses a case that waits on nothing, an answer after respondBy, unknown cases and missing evidence', async () => {
    const id = await fileCase();
    const r = await respond(id, answer());
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({ error: { code: 'not_waiting' } });
    kit.sb.setCaseStatus(id, 'counter_notice', { respondBy: '2026-11-24T03:00:00.000Z' });
    kit.clock.set('2026-11-24T03:00:00.000Z');
    expect(await (await respond(id, answer())).json()).toMatchObject({ error: { code: 'not_waiting' } });
    expect((await respond('TD-2026-999999', answer())).status).toBe(404);
    kit.sb.setCaseStatus(id, 'needs_info');
    const ev = { sha256: 'b'.repeat(64), kind: 'screenshot', mediaType: 'image/png', bytes: 3, capturedAt: '2026-11-24T03:00:00.000Z' };
    const missing = await respond(id, answer({ evidence: [ev] }));
    expect(missing.status).toBe(409);
    expect(await missing.json()).toMatchObject({ error: { code: 'evidence_missing', details: { missing: ['b'.repeat(64)] } } });
    expect(kit.sb.getCase(id)?.status).toBe('needs_info');
  });

  it('rejects malformed answers and a missing Idempotency-Key with 400', async () => {
    const id = await fileCase();
    kit.sb.setCaseStatus(id, 'needs_info');
    expect((await respond(id, answer({ message: '' }))).status).toBe(400);
    expect((await respond(id, answer({ message: 'x'.repeat(4001) }))).status).toBe(400);
    expect((await respond(id, answer({ responseId: 'nope' }))).status).toBe(400);
    const noKey = await kit.call(`/v1/takedowns/${id}/responses`, { method: 'POST', body: JSON.stringify(answer()), headers: { 'Content-Type': 'application/json' } });
    expect(noKey.status).toBe(400);
    expect(kit.sb.getCase(id)?.responses ?? []).toHaveLength(0);
  });
});
