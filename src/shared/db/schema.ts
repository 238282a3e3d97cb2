import type { DBSchema } from 'idb';
import type { TakedownRecord } from '../model.ts';
import type { KvKey } from './kv-keys.ts';

export const DB_NAME = 'takedown-flagger';
/** Bump together with a new step in migrations.ts; never edit a released step. */
export const DB_VERSION = 1;

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

export interface FlaggerDB extends DBSchema {
  requests: {
    key: string;
    value: TakedownRecord;
    indexes: { byItem: string; bySeller: string; byOutboxState: string; byCase: string };
  };
  evidence: { key: string; value: EvidenceBlob };
  batches: { key: string; value: BatchRecord };
  /** Small entries, each declared with its schema in kv-keys.ts and reached through kv.ts. */
  kv: { key: KvKey; value: unknown };
}

export type StoreName = 'requests' | 'evidence' | 'batches' | 'kv';
