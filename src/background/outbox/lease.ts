import { db } from '../../shared/db/open.ts';
import { kvDelete, kvGet, kvPut } from '../../shared/db/kv.ts';
import type { SenderLease } from '../../shared/db/kv-keys.ts';
import { isAlive, lifeLockHeld } from './liveness.ts';

/**
 * One sender at a time, across worker restarts: a lease with an expiry in IndexedDB,
 * renewed while a drain runs. A worker killed mid-send leaves its lease behind; the next one
 * takes over once it expires, or at once when the owner is known dead (liveness.ts).
 */
export type Lease = SenderLease;

export const LEASE_MS = 30_000;

/** Pure: may `owner` hold the lease at `now`, given the stored one? */
export function canTake(current: Lease | null, owner: string, now: number): boolean {
  return !current || current.owner === owner || current.expiresAt <= now;
}

/** Takes or renews the lease atomically (a readwrite transaction serialises contenders). */
async function tryTake(owner: string, now: number, ttl: number, overrule: string | null): Promise<{ ok: boolean; holder: Lease | null }> {
  const tx = (await db()).transaction('kv', 'readwrite');
  const current = (await kvGet('senderLease', tx.store)) ?? null;
  const ok = canTake(current, owner, now) || (overrule !== null && current?.owner === overrule);
  if (ok) await kvPut('senderLease', { owner, expiresAt: now + ttl }, tx.store);
  await tx.done;
  return { ok, holder: current };
}

export async function acquireLease(owner: string, now: number, ttl = LEASE_MS, alive: (owner: string) => Promise<boolean> = isAlive): Promise<boolean> {
  await lifeLockHeld();
  const first = await tryTake(owner, now, ttl, null);
  if (first.ok || !first.holder) return first.ok;
  // The ping runs outside the transaction; taking over then requires the same dead holder.
  if (await alive(first.holder.owner)) return false;
  return (await tryTake(owner, now, ttl, first.holder.owner)).ok;
}

export async function releaseLease(owner: string): Promise<void> {
  const tx = (await db()).transaction('kv', 'readwrite');
  const current = await kvGet('senderLease', tx.store);
  if (current?.owner === owner) await kvDelete('senderLease', tx.store);
  await tx.done;
}
