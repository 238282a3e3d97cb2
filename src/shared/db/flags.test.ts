import { describe, expect, it } from 'vitest';
import { db } from './open.ts';
import { kvGet, kvPut } from './kv.ts';
import { storeFlag } from './flags.ts';
import { record } from '../../../test/unit/records.ts';
import type { TakedownRecord } from '../model.ts';

const blob = (sha: string) => ({ sha256: sha, mediaType: 'image/png', bytes: 3, data: new Uint8Array([1, 2, 3]).buffer, createdAt: '2026-12-04T15:59:00.000Z' });

describe('storeFlag', () => {
  it('stores the evidence, the requests and the new chain head, and tells the pages', async () => {
    const heard: unknown[] = [];
    const ch = new BroadcastChannel('tdf-changes');
    const announced = new Promise<void>((resolve) => (ch.onmessage = (e) => (heard.push(e.data), resolve())));
    expect(await storeFlag({ evidence: [blob('c'.repeat(64))], requests: [record()], chainHead: 'c'.repeat(64) })).toEqual({ ok: true });
    await announced;
    ch.close();
    const database = await db();
    expect(await database.count('evidence')).toBe(1);
    expect((await database.getAll('requests')).map((r) => r.clientRequestId)).toEqual([record().clientRequestId]);
    expect(await kvGet('captureChainHead')).toBe('c'.repeat(64));
    expect(heard).toEqual(['requests']);
  });

  it('writes nothing when any part cannot be stored, and says so', async () => {
    await kvPut('captureChainHead', 'a'.repeat(64));
    const broken = { ...record(), clientRequestId: undefined } as unknown as TakedownRecord;
    const answer = await storeFlag({ evidence: [blob('c'.repeat(64))], requests: [record({ id: '00000000-0000-4000-8000-00000000000a' }), broken], chainHead: 'c'.repeat(64) });
    expect(answer).toMatchObject({ ok: false, code: 'storage_failed', message: expect.stringContaining('Could not store') });
    const database = await db();
    expect(await database.count('evidence')).toBe(0);
    expect(await database.count('requests')).toBe(0);
    expect(await kvGet('captureChainHead')).toBe('a'.repeat(64));
  });
});
