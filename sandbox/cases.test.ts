import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBody, Case, CasesResponse, SubmitResponse } from '../src/shared/api/schemas.ts';
import { OTHER_TOKEN, OTHER_TRADEMARK_ID } from './demo.ts';
import { startKit, submission } from './server.test-kit.ts';
import type { Kit } from './server.test-kit.ts';

let kit: Kit;
beforeEach(async () => { kit = await startKit(); });
afterEach(async () => { await kit.done(); });

/** Submits `n` requests one minute apart; returns their case ids. */
async function seed(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const [r] = SubmitResponse.parse(await (await kit.submit({ requests: [submission()] })).json()).results;
    if (r?.outcome !== 'accepted') throw new Error('not accepted');
    ids.push(r.caseId);
    kit.clock.advance(60_000);
  }
  return ids;
}

const cases = async (query: string, token?: string) => {
  const r = await kit.call(`/v1/takedowns?${query}`, token ? { token } : {});
  expect(r.status).toBe(200);
  return CasesResponse.parse(await r.json());
};

describe('GET /v1/takedowns', () => {
  it('by caseIds: only the member own cases, in the order asked', async () => {
    const [a, b] = await seed(2);
    await kit.submit({ requests: [submission({ ipRightId: OTHER_TRADEMARK_ID })] }, randomUUID(), OTHER_TOKEN);
    const res = await cases(`caseIds=${b},${a},TD-2026-000003,TD-2099-000001`);
    expect(res.cases.map((c) => c.caseId)).toEqual([b, a]);
    expect(res.nextCursor).toBeNull();
    expect(res.cases[1]).toEqual({
      caseId: a, clientRequestId: kit.sb.getCase(a!)?.clientRequestId, status: 'received',
      receivedAt: '2026-11-24T02:00:00.000Z', slaDueAt: '2026-11-25T02:00:00.000Z', updatedAt: '2026-11-24T02:00:00.000Z',
      resolvedAt: null, resolution: null, respondBy: null,
    });
  });

  it('by updatedSince: ordered by updatedAt then caseId, paged with an opaque cursor', async () => {
    const ids = await seed(5);
    kit.sb.setCaseStatus(ids[0]!, 'in_review'); // now the most recently updated
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: CasesResponse = await cases(`updatedSince=2026-11-24T01:00:00.000Z&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...res.cases.map((c) => c.caseId));
      cursor = res.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual([ids[1], ids[2], ids[3], ids[4], ids[0]]);
    expect(pages).toBe(3);
    // Strictly after updatedSince.
    const later = await cases('updatedSince=2026-11-24T02:02:00.000Z');
    expect(later.cases.map((c) => c.caseId)).toEqual([ids[3], ids[4], ids[0]]);
  });

  it('answers 400 for bad parameters', async () => {
    for (const q of ['', 'updatedSince=yesterday', 'updatedSince=2026-11-24T00:00:00Z&limit=0',
      'updatedSince=2026-11-24T00:00:00Z&limit=501', 'updatedSince=2026-11-24T00:00:00Z&cursor=garbage',
      `caseIds=${Array.from({ length: 101 }, (_, i) => `TD-2026-${i}`).join(',')}`, 'caseIds=', 'caseIds=a&updatedSince=2026-11-24T00:00:00Z']) {
      const r = await kit.call(`/v1/takedowns?${q}`);
      expect(r.status, q).toBe(400);
      expect(ApiErrorBody.parse(await r.json()).error.code).toBe('invalid_request');
    }
  });
});

describe('POST /v1/takedowns/{caseId}/withdraw', () => {
  it('withdraws an unresolved case (200), then answers 409 conflict', async () => {
    const [id] = await seed(1);
    const r = await kit.call(`/v1/takedowns/${id}/withdraw`, { method: 'POST' });
    expect(r.status).toBe(200);
    const c = Case.parse(await r.json());
    expect(c).toMatchObject({ caseId: id, status: 'withdrawn', resolvedAt: '2026-11-24T02:01:00.000Z', updatedAt: '2026-11-24T02:01:00.000Z' });
    expect(c.resolution?.code).toBe('withdrawn');
    const again = await kit.call(`/v1/takedowns/${id}/withdraw`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(ApiErrorBody.parse(await again.json()).error.code).toBe('conflict');
  });

  it('answers 404 for an unknown case or another member case', async () => {
    const [id] = await seed(1);
    expect((await kit.call('/v1/takedowns/TD-2026-999999/withdraw', { method: 'POST' })).status).toBe(404);
    expect((await kit.call(`/v1/takedowns/${id}/withdraw`, { method: 'POST', token: OTHER_TOKEN })).status).toBe(404);
  });
});

describe('persistence', () => {
  it('keeps cases, idempotency records, the sequence and evidence across a restart', async () => {
    const sha = await kit.upload('kept');
    const key = randomUUID();
    const body = JSON.stringify({ requests: [submission()] });
    const first = await (await kit.submit(body, key)).text();
    await kit.restart();
    expect(kit.sb.listCases().map((c) => c.caseId)).toEqual(['TD-2026-000001']);
    expect(await (await kit.submit(body, key)).text()).toBe(first);
    expect((await kit.call(`/v1/evidence/${sha}`, { method: 'HEAD' })).status).toBe(200);
    const [next] = SubmitResponse.parse(await (await kit.submit({ requests: [submission()] })).json()).results;
    expect(next).toMatchObject({ outcome: 'accepted', caseId: 'TD-2026-000002' });
  });
});
