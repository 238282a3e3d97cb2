import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBody, Me, SubmitResponse } from '../src/shared/api/schemas.ts';
import { seededRandom } from './faults.ts';
import { startKit, submission } from './server.test-kit.ts';
import type { Kit } from './server.test-kit.ts';

let kit: Kit;
beforeEach(async () => { kit = await startKit(); });
afterEach(async () => { await kit.done(); });

describe('programmatic faults', () => {
  it('status: answers the injected error, with Retry-After, and stores nothing', async () => {
    kit.sb.faults.push({ kind: 'status', status: 503, retryAfter: '7', match: { method: 'POST', pathPrefix: '/v1/takedowns' } });
    expect((await kit.call('/v1/me')).status).toBe(200); // does not match, fault stays queued
    const r = await kit.submit({ requests: [submission()] });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(ApiErrorBody.parse(await r.json()).error.code).toBe('unavailable');
    expect(kit.sb.listCases()).toHaveLength(0);
    expect(kit.sb.faults.pending()).toHaveLength(0);
    expect(kit.sb.calls.at(-1)).toMatchObject({ method: 'POST', path: '/v1/takedowns', status: 503, fault: 'status' });
  });

  it('consumes faults in order and `times` over several calls', async () => {
    kit.sb.faults.push({ kind: 'status', status: 500, times: 2 });
    kit.sb.faults.push({ kind: 'status', status: 429, retryAfter: 'Wed, 25 Nov 2026 02:00:00 GMT' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await kit.call('/v1/me')).status);
    expect(statuses).toEqual([500, 500, 429, 200]);
  });

  it('hang: never answers (the client must time out)', async () => {
    kit.sb.faults.push({ kind: 'hang' });
    await expect(kit.call('/v1/me', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await kit.call('/v1/me')).status).toBe(200); // the server itself is fine
  });

  it('reset: destroys the connection', async () => {
    kit.sb.faults.push({ kind: 'reset' });
    await expect(kit.call('/v1/me')).rejects.toThrow(TypeError);
    expect(kit.sb.calls.at(-1)).toMatchObject({ status: 0, fault: 'reset' });
  });

  it('html200: a captive-portal page with status 200', async () => {
    kit.sb.faults.push({ kind: 'html200' });
    const r = await kit.call('/v1/me');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await r.text()).toMatch(/<html/);
  });

  it('wrongShape: JSON with the success status that no schema accepts', async () => {
    kit.sb.faults.push({ kind: 'wrongShape' });
    kit.sb.faults.push({ kind: 'wrongShape' });
    const me = await kit.call('/v1/me');
    expect(me.status).toBe(200);
    expect(Me.safeParse(await me.json()).success).toBe(false);
    const sub = await kit.submit({ requests: [submission()] });
    expect(sub.status).toBe(202);
    expect(SubmitResponse.safeParse(await sub.json()).success).toBe(false);
    expect(kit.sb.listCases()).toHaveLength(0);
  });

  it("when: 'after' stores the batch and loses the answer; the retry replays it", async () => {
    kit.sb.faults.push({ kind: 'reset', when: 'after', match: { method: 'POST' } });
    const key = randomUUID();
    const body = JSON.stringify({ requests: [submission()] });
    await expect(kit.submit(body, key)).rejects.toThrow();
    expect(kit.sb.listCases()).toHaveLength(1);
    const retry = await kit.submit(body, key);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(SubmitResponse.parse(await retry.json()).results[0]).toMatchObject({ outcome: 'accepted', caseId: 'TD-2026-000001' });
    expect(kit.sb.listCases()).toHaveLength(1);
  });

  it('random mode is reproducible from its seed', async () => {
    const run = async () => {
      kit.sb.calls.length = 0;
      kit.sb.faults.setRandom({ rate: 0.5, kinds: ['status', 'html200'], seed: 42 });
      for (let i = 0; i < 12; i++) await kit.call('/v1/me');
      kit.sb.faults.clear();
      return kit.sb.calls.map((c) => c.fault ?? 'none');
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a).toContain('none');
    expect(a.some((f) => f !== 'none')).toBe(true);
  });

  it('a mix gives each fault its own rate', async () => {
    kit.sb.calls.length = 0;
    kit.sb.faults.setRandom({ seed: 3, mix: [{ rate: 0.3, fault: { kind: 'status', status: 503 } }, { rate: 0.1, fault: { kind: 'status', status: 429, retryAfter: '1' } }] });
    for (let i = 0; i < 400; i++) await kit.call('/v1/me');
    kit.sb.faults.clear();
    // Injected faults only (the rate limiter answers 429 too, for calls this fast).
    const share = (status: number) => kit.sb.calls.filter((c) => c.fault && c.status === status).length / kit.sb.calls.length;
    expect(share(503)).toBeGreaterThan(0.22);
    expect(share(503)).toBeLessThan(0.38);
    expect(share(429)).toBeGreaterThan(0.05);
    expect(share(429)).toBeLessThan(0.15);
    expect(kit.sb.calls.filter((c) => c.fault).length).toBeLessThan(0.5 * kit.sb.calls.length);
    expect(() => kit.sb.faults.setRandom({ mix: [{ rate: 0.7, fault: 'reset' }, { rate: 0.5, fault: 'hang' }] })).toThrow();
  });

  it('seededRandom is deterministic and in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('/__sandbox/ over HTTP', () => {
  const control = (p: string, method = 'GET', body?: unknown) =>
    fetch(`${kit.sb.url}/__sandbox${p}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  it('queues and clears faults, lists calls and cases, sets a status', async () => {
    expect((await control('/faults', 'POST', { kind: 'status', status: 503, retryAfter: '2' })).status).toBe(200);
    expect((await kit.call('/v1/me')).status).toBe(503);
    await control('/faults', 'POST', { faults: [{ kind: 'status', status: 500 }] });
    expect((await control('/faults', 'DELETE')).status).toBe(200);
    expect((await kit.call('/v1/me')).status).toBe(200);
    expect((await control('/faults', 'POST', { kind: 'meteor' })).status).toBe(400);

    const calls = (await (await control('/calls')).json()) as { calls: Array<{ status: number }> };
    expect(calls.calls.map((c) => c.status)).toEqual([503, 200]);

    await kit.submit({ requests: [submission()] });
    const listed = (await (await control('/cases')).json()) as { cases: Array<{ caseId: string; submission: unknown }> };
    expect(listed.cases[0]?.caseId).toBe('TD-2026-000001');
    expect(listed.cases[0]?.submission).toBeTruthy();

    const set = await control('/cases/TD-2026-000001/status', 'POST', { status: 'counter_notice' });
    expect(set.status).toBe(200);
    // Three business days from Tuesday 10:00 Shanghai.
    expect(await set.json()).toMatchObject({ status: 'counter_notice', respondBy: '2026-11-27T02:00:00.000Z' });
    expect((await control('/cases/TD-2026-000404/status', 'POST', { status: 'rejected' })).status).toBe(404);
    expect((await control('/reviewer/tick', 'POST')).status).toBe(200);
  });

  it('loses a stored evidence file on request: HEAD then says 404 and a submission naming it evidence_missing', async () => {
    const sha = await kit.upload('screenshot bytes');
    expect((await kit.call(`/v1/evidence/${sha}`, { method: 'HEAD' })).status).toBe(200);
    expect((await control(`/evidence/${sha}`, 'DELETE')).status).toBe(200);
    expect((await kit.call(`/v1/evidence/${sha}`, { method: 'HEAD' })).status).toBe(404);
    expect((await control(`/evidence/${sha}`, 'DELETE')).status).toBe(404);
    const res = (await (await kit.submit({ requests: [submission({ evidence: [{ sha256: sha, kind: 'screenshot', mediaType: 'image/png', bytes: 16, capturedAt: '2026-11-24T01:59:57.000Z' }] })] })).json()) as {
      results: Array<{ outcome: string; error?: { code: string } }>;
    };
    expect(res.results[0]).toMatchObject({ outcome: 'rejected', error: { code: 'evidence_missing' } });
  });
});
