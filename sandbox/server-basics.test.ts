import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBody, Me } from '../src/shared/api/schemas.ts';
import { OTHER_TOKEN } from './demo.ts';
import { createSandbox } from './server.ts';
import { startKit } from './server.test-kit.ts';
import type { Kit } from './server.test-kit.ts';

let kit: Kit;
beforeEach(async () => { kit = await startKit(); });
afterEach(async () => { await kit.done(); });

describe('transport', () => {
  it('answers 401 unauthorized without a token or with a wrong one, with CORS', async () => {
    for (const token of [null, 'nope']) {
      const r = await kit.call('/v1/me', { token });
      expect(r.status).toBe(401);
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      const body = ApiErrorBody.parse(await r.json());
      expect(body.error.code).toBe('unauthorized');
    }
  });

  it('answers CORS preflights for any origin', async () => {
    const r = await fetch(`${kit.sb.url}/v1/takedowns`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abcdef', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,idempotency-key' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type.*Idempotency-Key/);
    expect(r.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(r.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('GET /v1/me names the member and its IP rights', async () => {
    const me = Me.parse(await (await kit.call('/v1/me')).json());
    expect(me.member).toEqual({ id: 'm_demo', name: 'Demo Brand Ltd.' });
    expect(me.ipRights.map((r) => [r.id, r.kind])).toEqual([['ipr_demo_tm', 'trademark'], ['ipr_demo_cr', 'copyright']]);
    const other = Me.parse(await (await kit.call('/v1/me', { token: OTHER_TOKEN })).json());
    expect(other.member.id).toBe('m_other');
  });

  it('answers 404 not_found for unknown paths, with the error body', async () => {
    for (const p of ['/v1/nothing', '/v2/me', '/']) {
      const r = await kit.call(p);
      expect(r.status).toBe(404);
      expect(ApiErrorBody.parse(await r.json()).error.code).toBe('not_found');
    }
  });

  it('answers 413 for JSON over 1 MiB', async () => {
    const r = await kit.submit(JSON.stringify({ requests: [], pad: 'x'.repeat(1024 * 1024) }));
    expect(r.status).toBe(413);
    expect(ApiErrorBody.parse(await r.json()).error.code).toBe('payload_too_large');
  });

  it('answers 429 with Retry-After beyond the per-token rate', async () => {
    await kit.restart({ rateLimitPerSecond: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await kit.call('/v1/me')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const r = await kit.call('/v1/me');
    expect(r.headers.get('retry-after')).toBe('1');
    expect(ApiErrorBody.parse(await r.json()).error.code).toBe('rate_limited');
    // Per token: another member is not slowed down.
    expect((await kit.call('/v1/me', { token: OTHER_TOKEN })).status).toBe(200);
  });

  it('records calls', async () => {
    await kit.call('/v1/me');
    expect(kit.sb.calls).toEqual([{ method: 'GET', path: '/v1/me', status: 200, at: '2026-11-24T02:00:00.000Z' }]);
  });

  it('hides /__sandbox/ unless testControls is on', async () => {
    expect((await fetch(`${kit.sb.url}/__sandbox/calls`)).status).toBe(200);
    const off = await createSandbox();
    try {
      expect((await fetch(`${off.url}/__sandbox/calls`)).status).toBe(404);
    } finally {
      await off.close();
      fs.rmSync(off.dataDir, { recursive: true, force: true });
    }
  });
});
