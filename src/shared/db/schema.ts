import type { DBSchema } from 'idb';
import type { TakedownRecord } from '../model.ts';
import type { KvKey } from './kv-keys.ts';

export const DB_NAME = 'takedown-flagger';
/** Bump together with a new step in migrations.ts; never edit a released step. */
export const DB_VERSION = 3;

/** One stored artifact, content-addressed: shared captures are stored once. */
export interface EvidenceBlob {
  sha256: string;
  mediaType: string;
  bytes: number;
  /** Raw bytes (ArrayBuffer clones everywhere; Blob does not in every IndexedDB). */
  data: ArrayBuffer;
  createdAt: string;
}

/** A batch as it was first sent: retries send these exact bytes with this key. */
export interface BatchRecord {
  batchId: string;
  idempotencyKey: string;
  clientRequestIds: string[];
  body: string;
  createdAt: string;
  attempts: number;
  /** Epoch ms before which this batch is not retried (backoff, Retry-After). */
  nextAttemptAt: number;
}

/**
 * The trusted timestamp of one capture manifest (shared/spec/timestamps.md): asked for until
 * a TSA grants one, durably, like the outbox. The tokens themselves are evidence blobs.
 */
export interface StampJob {
  manifestSha256: string;
  state: 'pending' | 'stamped';
  createdAt: string;
  /** Rounds in a row in which every TSA failed (the backoff grows with it). */
  attempts: number;
  /** Epoch ms before which no TSA is asked again. */
  nextAttemptAt: number;
  lastError: string | null;
  /** In the order the TSAs answered: bundle files <sha>.tsr, then <sha>.2.tsr, … */
  tokens: { sha256: string; tsaUrl: string; genTime: string; tsa: string }[];
}

export interface FlaggerDB extends DBSchema {
  requests: {
    key: string;
    value: TakedownRecord;
    indexes: { byItem: string; bySeller: string; byOutboxState: string; byCase: string; byCaseStatus: string };
  };
  evidence: { key: string; value: EvidenceBlob };
  batches: { key: string; value: BatchRecord };
  stamps: { key: string; value: StampJob; indexes: { byState: string } };
  /** Small entries, each declared with its schema in kv-keys.ts and reached through kv.ts. */
  kv: { key: KvKey; value: unknown };
}

export type StoreName = 'requests' | 'evidence' | 'batches' | 'kv' | 'stamps';
