import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { db } from './open.ts';
import { kvDelete, kvGet, kvPut } from './kv.ts';
import { KV_KEYS, KV_PREFIXES, uploadedKey, type KvKey } from './kv-keys.ts';

const SHA = 'a'.repeat(64);

describe('kv registry', () => {
  it('reads back what it stored, per declared key and per prefixed key', async () => {
    await kvPut('captureChainHead', SHA);
    await kvPut(uploadedKey(SHA), 'https://intake.example');
    expect(await kvGet('captureChainHead')).toBe(SHA);
    expect(await kvGet(uploadedKey(SHA))).toBe('https://intake.example');
    await kvDelete(uploadedKey(SHA));
    expect(await kvGet(uploadedKey(SHA))).toBeUndefined();
  });

  it('reads a damaged entry as absent instead of handing it on', async () => {
    await (await db()).put('kv', { owner: 7 }, 'senderLease');
    expect(await kvGet('senderLease')).toBeUndefined();
  });

  it('refuses a value that does not fit, and aborts the transaction it was part of', async () => {
    await expect(kvPut('captureChainHead', 'not a hash')).rejects.toThrow(/captureChainHead/);
    const database = await db();
    const tx = database.transaction(['kv', 'batches'], 'readwrite');
    await tx.objectStore('batches').put({ batchId: 'b1', idempotencyKey: 'k', clientRequestIds: [], body: '', createdAt: '', attempts: 0, nextAttemptAt: 0 });
    await expect(kvPut('senderLease', { owner: 'w', expiresAt: 'soon' } as never, tx.objectStore('kv'))).rejects.toThrow(/senderLease/);
    await tx.done.catch(() => undefined);
    expect(await database.get('batches', 'b1')).toBeUndefined();
    expect(await kvGet('senderLease')).toBeUndefined();
  });

  it('throws on a key nobody declared', async () => {
    await expect(kvGet('tokenCache' as KvKey)).rejects.toThrow(/not declared/);
  });

  it('has no key that another key or prefix would shadow', () => {
    const fixed = Object.keys(KV_KEYS);
    for (const prefix of Object.keys(KV_PREFIXES)) {
      expect(fixed.filter((k) => k.startsWith(prefix))).toEqual([]);
      expect(Object.keys(KV_PREFIXES).filter((p) => p !== prefix && p.startsWith(prefix))).toEqual([]);
    }
  });

  it('is the only way into the kv store: no shipped file outside src/shared/db touches it raw', () => {
    const src = path.resolve(import.meta.dirname, '../..');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test(-kit)?\.tsx?$/.test(f) && !f.startsWith(`shared${path.sep}db${path.sep}`));
    const raw = files.filter((f) => /\.(get|put|delete|getAll|count|clear)\(\s*'kv'/.test(readFileSync(path.join(src, f), 'utf8')));
    expect(raw).toEqual([]);
  });
});
