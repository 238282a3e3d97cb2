import { db } from './open.ts';
import { announce } from './changes.ts';
import { kvPut } from './kv.ts';
import type { CaptureJob, EvidenceBlob, StampJob } from './schema.ts';
import type { TakedownRecord } from '../model.ts';
import { t } from '../i18n.ts';
import { putRequest } from './request-put.ts';

/** Everything one flag adds to the database. */
export interface FlagWrite {
  evidence: EvidenceBlob[];
  requests: TakedownRecord[];
  /** The SHA-256 of the flag's capture manifest: the new head of the device's chain. */
  chainHead: string;
  /** The manifest's timestamp job, when TSAs are configured: durable with the flag itself. */
  stamp?: StampJob;
  /** The capture job this write is a step of, with its progress after it (same transaction). */
  job?: CaptureJob;
}

export type StoreFlagResult = { ok: true } | StorageRefusal;

/**
 * Stores a flag: evidence, requests and the chain head in one transaction, so the user hears
 * "queued" only once all of it is durable, and a failure (a full disk) leaves nothing
 * half-written.
 */
export async function storeFlag(write: FlagWrite): Promise<StoreFlagResult> {
  const tx = (await db()).transaction(['evidence', 'requests', 'kv', 'stamps', 'captureJobs'], 'readwrite');
  try {
    const evidence = tx.objectStore('evidence');
    for (const blob of write.evidence) await evidence.put(blob);
    for (const r of write.requests) await putRequest(tx.objectStore('requests'), r);
    await kvPut('captureChainHead', write.chainHead, tx.objectStore('kv'));
    if (write.stamp) await tx.objectStore('stamps').put(write.stamp);
    if (write.job) await tx.objectStore('captureJobs').put(write.job);
    await tx.done;
  } catch (err) {
    return storageRefusal(tx, err);
  }
  announce('requests');
  return { ok: true };
}

export type StorageRefusal = { ok: false; code: 'storage_full' | 'storage_failed'; message: string };

/**
 * Ends a write that failed part-way and says why, in the user's language. A put that throws
 * leaves the transaction open: without the abort, what was put before it would still commit.
 */
export function storageRefusal(tx: { abort(): void; done: Promise<void> }, err: unknown): StorageRefusal {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
  tx.done.catch(() => undefined);
  const quota = (err as DOMException)?.name === 'QuotaExceededError';
  return quota
    ? { ok: false, code: 'storage_full', message: t('worker_error_storage_full') }
    : { ok: false, code: 'storage_failed', message: t('worker_error_storage_failed', (err as Error).message) };
}
