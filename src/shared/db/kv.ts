import { db } from './open.ts';
import { announce } from './changes.ts';
import { KV_PREFIXES, schemaOf, type KvKey, type KvValue } from './kv-keys.ts';
import { DEFAULT_SETTINGS, type QueuePause, type Settings } from '../model.ts';

/**
 * Typed access to the `kv` store: every key is declared in kv-keys.ts with its schema.
 * Pass `store` (a transaction's `kv` object store) to read or write inside a larger
 * transaction; without it each call runs on its own.
 */
export interface KvStore {
  get(key: KvKey): Promise<unknown>;
  put(value: unknown, key: KvKey): Promise<unknown>;
  delete(key: KvKey): Promise<void>;
  readonly transaction: { abort(): void };
}

/** The stored value, checked against its schema; undefined when absent or damaged. */
export async function kvGet<K extends KvKey>(key: K, store?: Pick<KvStore, 'get'>): Promise<KvValue<K> | undefined> {
  const schema = schemaOf(key);
  const raw = store ? await store.get(key) : await (await db()).get('kv', key);
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? (parsed.data as KvValue<K>) : undefined;
}

/**
 * Writes `value` after checking it against the key's schema. A value that does not fit
 * throws and, inside a transaction, aborts it, so nothing written with it lands either.
 */
export async function kvPut<K extends KvKey>(key: K, value: KvValue<K>, store?: KvStore): Promise<KvValue<K>> {
  const parsed = schemaOf(key).safeParse(value);
  if (!parsed.success) {
    store?.transaction.abort();
    throw new Error(`Refused to store "${key}": ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  }
  if (store) await store.put(parsed.data, key);
  else await (await db()).put('kv', parsed.data, key);
  return parsed.data as KvValue<K>;
}

export async function kvDelete(key: KvKey, store?: KvStore): Promise<void> {
  schemaOf(key);
  if (store) await store.delete(key);
  else await (await db()).delete('kv', key);
}

/** Deletes every entry of a prefixed key (all tabs' selections at browser start). */
export async function kvDeletePrefix(prefix: keyof typeof KV_PREFIXES): Promise<void> {
  const tx = (await db()).transaction('kv', 'readwrite');
  for (const key of await tx.store.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`))) await tx.store.delete(key);
  await tx.done;
}

/** Settings as stored, completed with defaults; a damaged record gives the defaults. */
export async function getSettings(): Promise<Settings> {
  return (await kvGet('settings')) ?? { ...DEFAULT_SETTINGS };
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const database = await db();
  const tx = database.transaction('kv', 'readwrite');
  const current = (await kvGet('settings', tx.store)) ?? DEFAULT_SETTINGS;
  const next = await kvPut('settings', { ...current, ...patch }, tx.store);
  await tx.done;
  announce('settings');
  return next;
}

export async function getPause(): Promise<QueuePause | null> {
  return (await kvGet('queuePause')) ?? null;
}

export async function setPause(pause: QueuePause | null): Promise<void> {
  if (pause) await kvPut('queuePause', pause);
  else await kvDelete('queuePause');
  announce('queue');
}
