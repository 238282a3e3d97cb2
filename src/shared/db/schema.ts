import type { DBSchema } from 'idb';
import type { TakedownRecord } from '../model.ts';
import type { ListOrder } from '../list-order.ts';
import type { KvKey } from './kv-keys.ts';

export const DB_NAME = 'takedown-flagger';
/** Bump together with a new step in migrations.ts; never edit a released step. */
export const DB_VERSION = 5;

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
  /** `failed`: the retry policy (background/stamp/policy.ts) gave up; the user may try again. */
  state: 'pending' | 'stamped' | 'failed';
  createdAt: string;
  /** Rounds in a row in which every TSA failed (the backoff grows with it). */
  attempts: number;
  /** Epoch ms before which no TSA is asked again. */
  nextAttemptAt: number;
  lastError: string | null;
  /** Start of the current period of tries: createdAt, or when the user last said "try again". */
  triesSince?: string;
  /** Rounds that failed in this period, not reset by coming back online (unlike `attempts`). */
  failures?: number;
  /** When the policy gave up (state `failed`). */
  failedAt?: string;
  /** In the order the TSAs answered: bundle files <sha>.tsr, then <sha>.2.tsr, … */
  tokens: { sha256: string; tsaUrl: string; genTime: string; tsa: string }[];
}

/**
 * The evidence a flag still needs, kept while it is captured: the requests are stored
 * (state `capturing`) with the job, before any capture; the job is captured a chunk of
 * listings at a time, each chunk stored (evidence, manifest, requests queued) with the job's
 * progress in one transaction. A worker stopped mid-capture loses at most the chunk it was
 * on, and the next worker start goes on from `pending`. `jobId` is the content script's
 * submit id, so a submit sent twice (the worker died before it answered) is one job.
 */
export interface CaptureJob {
  jobId: string;
  state: 'capturing' | 'waiting_tab' | 'sealed';
  tab: { id: number; windowId: number; url: string; title: string };
  kind: 'item' | 'search' | 'shop' | 'other';
  flaggedAt: string;
  clientRequestIds: string[];
  /** The requests whose evidence is still to capture, in the order flagged. */
  pending: string[];
  /** Requests done without a screenshot of their own. */
  missing: number;
  attempts: number;
  /** The user stopped it: the rest is stored with what is missing recorded. */
  stopRequested?: boolean;
  updatedAt: string;
}

/**
 * A request as stored: the record and where the popup lists it (list-order.ts), derived from
 * the record by every write (putRequest) so that index `byListOrder` serves the popup's order.
 */
export type StoredRequest = TakedownRecord & { listOrder?: ListOrder };

export interface FlaggerDB extends DBSchema {
  requests: {
    key: string;
    value: StoredRequest;
    indexes: { byItem: string; bySeller: string; byOutboxState: string; byCase: string; byCaseStatus: string; byListOrder: ListOrder };
  };
  evidence: { key: string; value: EvidenceBlob };
  batches: { key: string; value: BatchRecord };
  stamps: { key: string; value: StampJob; indexes: { byState: string } };
  captureJobs: { key: string; value: CaptureJob; indexes: { byState: string } };
  /** Small entries, each declared with its schema in kv-keys.ts and reached through kv.ts. */
  kv: { key: KvKey; value: unknown };
}

export type StoreName = 'requests' | 'evidence' | 'batches' | 'kv' | 'stamps' | 'captureJobs';
