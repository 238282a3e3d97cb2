import { db } from '../../shared/db/open.ts';
import { announce } from '../../shared/db/changes.ts';
import { getPause, getSettings, kvDelete, kvGet, kvPut, setPause } from '../../shared/db/kv.ts';
import { uploadedKey } from '../../shared/db/kv-keys.ts';
import type { TakedownRecord } from '../../shared/model.ts';
import type { SubmitResult } from '../../shared/api/schemas.ts';
import { hasEvidence, putEvidence, submitTakedowns, type ApiConfig, type ApiFailure } from '../../shared/api/client.ts';
import { acquireLease, LEASE_MS, releaseLease } from './lease.ts';
import { takeBatch, settleBatch } from './store.ts';
import { applyResults, planFailure } from './apply.ts';
import { getPace, serviceAnswered, updatePace } from './pace-store.ts';
import { afterFailure } from './pace.ts';
import { createPacer } from './call-pacer.ts';

export interface SenderDeps {
  now: () => number;
  random: () => number;
  newId: () => string;
  owner: string;
  /** Called before each batch: the worker re-arms its wake-up alarm in case it is killed mid-send. */
  beforeBatch?: () => Promise<void>;
}

export interface DrainReport {
  batches: number;
  submitted: number;
  /** 'waiting': the service's Retry-After has not passed yet. */
  stoppedBy: 'done' | 'not_configured' | 'paused' | 'lease_held' | 'failure' | 'waiting';
}

/** Files up to this size are sent without asking whether the service holds them. */
export const ASK_FIRST_BYTES = 64 * 1024;

const paced = createPacer();

/**
 * Uploads every artifact the batch refers to that the service does not hold yet. What the
 * service confirmed is remembered per API base URL, so a retry after a failure (or after the
 * worker was killed) does not ask again for each file; `evidence_missing` clears that.
 */
function uploadEvidence(cfg: ApiConfig, records: TakedownRecord[], progress: { files: number }): Promise<ApiFailure | null> {
  return uploadShas(cfg, records.flatMap((r) => r.evidence.map((e) => e.sha256)), progress);
}

/** Uploads the files the service lacks; answers to the alliance use it too. */
export async function uploadShas(cfg: ApiConfig, list: readonly string[], progress: { files: number }): Promise<ApiFailure | null> {
  const database = await db();
  const shas = [...new Set(list)];
  for (const sha of shas) {
    if ((await kvGet(uploadedKey(sha))) === cfg.baseUrl) continue;
    const blob = await database.get('evidence', sha);
    // Asking first saves bytes only for a big file; a small one (each listing's metadata) is
    // sent at once, which is always safe (PUT of the same bytes again answers 200).
    let held = false;
    if (!blob || blob.data.byteLength > ASK_FIRST_BYTES) {
      await paced();
      const head = await hasEvidence(cfg, sha);
      if (!head.ok) return head;
      held = head.data;
    }
    // Missing locally would be a bug: send anyway and let the service's evidence_missing
    // answer put the request in front of the user rather than blocking the whole queue.
    if (!held && blob) {
      await paced();
      const put = await putEvidence(cfg, sha, blob.data, blob.mediaType);
      if (!put.ok) return put;
    }
    await kvPut(uploadedKey(sha), cfg.baseUrl);
    progress.files++;
  }
  return null;
}

/** The service says it lacks evidence we thought it had: forget that, so it is uploaded again. */
export async function forgetShas(shas: readonly string[]): Promise<void> {
  for (const sha of shas) await kvDelete(uploadedKey(sha));
}

async function forgetUploads(records: TakedownRecord[]): Promise<void> {
  for (const r of records) {
    if (r.outbox.lastError?.code !== 'evidence_missing') continue;
    for (const e of r.evidence) await kvDelete(uploadedKey(e.sha256));
  }
}

/**
 * Sends everything that is due, one batch at a time, while this worker holds the lease.
 * At-least-once sending; the stored Idempotency-Key per batch and the clientRequestId per
 * request make the effect exactly-once at the service.
 */
export async function drainOutbox(deps: SenderDeps, maxBatches = 50): Promise<DrainReport> {
  const report: DrainReport = { batches: 0, submitted: 0, stoppedBy: 'done' };
  if (!(await acquireLease(deps.owner, deps.now()))) return { ...report, stoppedBy: 'lease_held' };
  // A single call may take up to the fetch timeout: keep the lease fresh while we are alive.
  const heartbeat = setInterval(() => void acquireLease(deps.owner, deps.now()).catch(() => false), LEASE_MS / 3);
  try {
    const settings = await getSettings();
    if (!settings.baseUrl || !settings.token) return { ...report, stoppedBy: 'not_configured' };
    if (await getPause()) return { ...report, stoppedBy: 'paused' };
    // The service's Retry-After holds for every call of ours, not only for the batch that got it.
    if ((await getPace()).notBefore > deps.now()) return { ...report, stoppedBy: 'waiting' };
    const cfg: ApiConfig = { baseUrl: settings.baseUrl, token: settings.token };
    while (report.batches < maxBatches) {
      if (!(await acquireLease(deps.owner, deps.now()))) return { ...report, stoppedBy: 'lease_held' };
      await deps.beforeBatch?.();
      const pending = await takeBatch(deps.now(), deps.newId);
      if (!pending) break;
      report.batches++;
      announce('requests');
      const { batch } = pending;
      const progress = { files: 0 };
      const outcome = (await uploadEvidence(cfg, pending.records, progress)) ?? (await submit(cfg, batch.body, batch.idempotencyKey));
      if ('results' in outcome) {
        const results = outcome.results;
        const next = await settleBatch(batch, (current) => applyResults(current, results, deps.now(), deps.random), null);
        report.submitted += next.filter((r) => r.outbox.state === 'submitted').length;
        await forgetUploads(next);
        // The service takes batches again: what waits out a backoff from its sick spell goes now.
        await serviceAnswered(deps.now(), { keepAttempts: false });
        announce('requests');
        continue;
      }
      // Backoff grows with failures in a row that got nowhere: an attempt that moved some
      // evidence across before failing starts the count again, so a flaky link still drains.
      const failuresInARow = progress.files > 0 ? 0 : batch.attempts;
      if (progress.files > 0) await serviceAnswered(deps.now(), { keepAttempts: false });
      const plan = planFailure(pending.records, outcome, failuresInARow, deps.now(), deps.random);
      const byId = new Map(plan.records.map((r) => [r.clientRequestId, r]));
      await settleBatch(
        batch,
        (current) => current.map((c) => ({ ...c, outbox: byId.get(c.clientRequestId)?.outbox ?? c.outbox, updatedAt: new Date(deps.now()).toISOString() })),
        plan.batch === 'keep' ? { nextAttemptAt: plan.retryAt, attempts: failuresInARow + 1 } : null,
      );
      announce('requests');
      if (plan.pause) {
        await setPause({ ...plan.pause, at: new Date(deps.now()).toISOString() });
        return { ...report, stoppedBy: 'paused' };
      }
      if (plan.batch === 'keep') {
        await updatePace((p) => afterFailure(p, deps.now(), outcome.retryAfterMs, deps.random));
        return { ...report, stoppedBy: 'failure' };
      }
    }
    return report;
  } finally {
    clearInterval(heartbeat);
    await releaseLease(deps.owner);
  }
}

async function submit(cfg: ApiConfig, body: string, key: string): Promise<ApiFailure | { results: SubmitResult[] }> {
  await paced();
  const res = await submitTakedowns(cfg, body, key);
  return res.ok ? { results: res.data.results } : res;
}
