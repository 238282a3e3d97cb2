import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { db } from './open.ts';
import { DB_NAME } from './schema.ts';
import { STEPS } from './migrations.ts';
import { record } from '../../../test/unit/records.ts';

describe('upgrade step 2: trusted timestamps', () => {
  it('adds the stamps store to a version 1 database and keeps every request, artifact and entry it held', async () => {
    // A database as version 1 of the extension left it.
    const v1 = await openDB(DB_NAME, 1, { upgrade: (database, _old, _new, tx) => STEPS[1]!(database as never, tx as never) });
    const r = record();
    const blob = { sha256: 'a'.repeat(64), mediaType: 'image/png', bytes: 3, data: new Uint8Array([1, 2, 3]).buffer, createdAt: '2026-11-20T00:00:00.000Z' };
    await v1.put('requests', r);
    await v1.put('evidence', blob);
    await v1.put('kv', 'b'.repeat(64), 'captureChainHead');
    v1.close();

    const upgraded = await db();
    expect([...upgraded.objectStoreNames].sort()).toEqual(['batches', 'captureJobs', 'evidence', 'kv', 'requests', 'stamps']);
    expect([...upgraded.transaction('stamps').store.indexNames]).toEqual(['byState']);
    expect(await upgraded.get('requests', r.clientRequestId)).toEqual(r);
    expect(new Uint8Array((await upgraded.get('evidence', blob.sha256))!.data)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await upgraded.get('kv', 'captureChainHead')).toBe('b'.repeat(64));
    expect(await upgraded.count('stamps')).toBe(0);
  });
});
