import { db } from '../../shared/db/open.ts';

/**
 * One sender at a time, across worker restarts: a lease with an expiry in IndexedDB.
 * A worker killed mid-send leaves its lease behind; the next one takes over once it expires.
 */
export interface Lease {
  owner: string;
  expiresAt: number;
}

export const LEASE_MS = 45_000;
const KEY = 'senderLease';

/** Pure: may `owner` hold the lease at `now`, given the stored one? */
export function canTake(current: Lease | null, owner: string, now: number): boolean {
  return !current || current.owner === owner || current.expiresAt <= now;
}

function readLease(raw: unknown): Lease | null {
  const l = raw as Partial<Lease> | undefined;
  return l && typeof l.owner === 'string' && typeof l.expiresAt === 'number' ? { owner: l.owner, expiresAt: l.expiresAt } : null;
}

/** Takes or renews the lease atomically (a readwrite transaction serialises contenders). */
export async function acquireLease(owner: string, now: number, ttl = LEASE_MS): Promise<boolean> {
  const tx = (await db()).transaction('kv', 'readwrite');
  const current = readLease(await tx.store.get(KEY));
  const ok = canTake(current, owner, now);
  if (ok) await tx.store.put({ owner, expiresAt: now + ttl } satisfies Lease, KEY);
  await tx.done;
  return ok;
}

export async function releaseLease(owner: string): Promise<void> {
  const tx = (await db()).transaction('kv', 'readwrite');
  const current = readLease(await tx.store.get(KEY));
  if (current?.owner === owner) await tx.store.delete(KEY);
  await tx.done;
}
