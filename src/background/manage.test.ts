import { describe, expect, it } from 'vitest';
import { db } from '../shared/db/open.ts';
import { discard, resend } from './manage.ts';
import { record } from '../../test/unit/records.ts';

const ID = '00000000-0000-4000-8000-000000000001';
const NOW = new Date('2026-11-23T08:00:00.000Z');
const ref = (sha: string, kind: string) => ({ sha256: sha.repeat(64), kind, mediaType: 'image/png', bytes: 1, capturedAt: NOW.toISOString() });
const blob = (sha: string) => ({ sha256: sha.repeat(64), mediaType: 'image/png', bytes: 1, data: new ArrayBuffer(1), createdAt: NOW.toISOString() });

describe('managing requests that wait on the user', () => {
  it('resends a refused request under another IP right, from a clean slate', async () => {
    const database = await db();
    await database.put('requests', record({ id: ID, outbox: { state: 'attention', attempts: 3, nextAttemptAt: 9, lastError: { code: 'unknown_ip_right', message: 'no' }, batchId: null } }));
    expect(await resend({ clientRequestId: ID, ipRightId: 'ipr_demo_cr' }, NOW)).toEqual({ ok: true });
    expect(await database.get('requests', ID)).toMatchObject({ ipRightId: 'ipr_demo_cr', outbox: { state: 'queued', attempts: 0, lastError: null } });
  });

  it('will not resend or discard what the service already holds', async () => {
    const database = await db();
    await database.put('requests', record({ id: ID, caseId: 'TD-2026-000001', outbox: { state: 'submitted', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null } }));
    expect(await resend({ clientRequestId: ID }, NOW)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await discard({ clientRequestId: ID })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await database.count('requests')).toBe(1);
  });

  it('discards a request and the artifacts only it used, keeping capture manifests and shared files', async () => {
    const database = await db();
    await database.put('requests', record({ id: ID, evidence: [ref('a', 'screenshot'), ref('b', 'metadata'), ref('c', 'capture_manifest')] }));
    await database.put('requests', record({ id: '00000000-0000-4000-8000-000000000002', evidence: [ref('a', 'screenshot')] }));
    for (const s of ['a', 'b', 'c']) await database.put('evidence', blob(s));
    expect(await discard({ clientRequestId: ID })).toEqual({ ok: true });
    expect(await database.get('requests', ID)).toBeUndefined();
    expect((await database.getAllKeys('evidence')).sort()).toEqual(['a'.repeat(64), 'c'.repeat(64)]);
  });
});
