import { db } from './open.ts';
import type { QueuePause } from '../model.ts';

// Reads of kv entries without their schemas (kv-keys.ts, and with it zod and every model
// schema): for the popup's first paint only, which must show queued rows as needing the user
// while the queue is paused, before zod is loaded. Everything else reads through kv.ts, and
// the popup's complete read, right after the first paint, replaces what was peeked here.

/** True when `v` has the fields of a QueuePause (kv-peek.test.ts holds this to the schema). */
export function looksLikePause(v: unknown): v is QueuePause {
  if (v === null || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return typeof p.code === 'string' && typeof p.message === 'string' && typeof p.at === 'string';
}

/** The queue's pause as stored; null when there is none, or when it is damaged (as kvGet would say). */
export async function peekPause(): Promise<QueuePause | null> {
  const raw: unknown = await (await db()).get('kv', 'queuePause');
  return looksLikePause(raw) ? { code: raw.code, message: raw.message, at: raw.at } : null;
}
