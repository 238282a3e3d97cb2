import { db } from '../../shared/db/open.ts';
import { announce } from '../../shared/db/changes.ts';
import type { CaptureJob } from '../../shared/db/schema.ts';
import type { Problem, TakedownRecord } from '../../shared/model.ts';
import { putRequest } from '../../shared/db/request-put.ts';

/** Sealed jobs are kept this long, so a submit sent again still gets its first answer. */
const KEEP_SEALED_MS = 24 * 3600_000;

export async function getJob(jobId: string): Promise<CaptureJob | undefined> {
  return (await db()).get('captureJobs', jobId);
}

/** Jobs in a state, oldest first. */
export async function jobsIn(state: CaptureJob['state']): Promise<CaptureJob[]> {
  const all = await (await db()).getAllFromIndex('captureJobs', 'byState', state);
  return all.sort((a, b) => a.flaggedAt.localeCompare(b.flaggedAt));
}

/** Changes the stored job (read afresh, so a concurrent "stop" is not lost) and returns it. */
export async function updateJob(jobId: string, change: (j: CaptureJob) => void): Promise<CaptureJob | undefined> {
  const tx = (await db()).transaction('captureJobs', 'readwrite');
  const job = await tx.store.get(jobId);
  if (job) {
    change(job);
    job.updatedAt = new Date().toISOString();
    await tx.store.put(job);
  }
  await tx.done;
  return job;
}

/** The job's requests that still wait for their evidence (the user may have discarded some). */
export async function capturingRecords(ids: string[]): Promise<TakedownRecord[]> {
  const database = await db();
  const found = await Promise.all(ids.map((id) => database.get('requests', id)));
  return found.filter((r): r is TakedownRecord => r?.outbox.state === 'capturing');
}

/**
 * The job waits for its tab to come to the front (or goes on again): its requests say so,
 * so the popup row and the page can tell the user why nothing moves.
 */
export async function setWaiting(jobId: string, waiting: Problem | null): Promise<void> {
  const tx = (await db()).transaction(['captureJobs', 'requests'], 'readwrite');
  const job = await tx.objectStore('captureJobs').get(jobId);
  if (!job || job.state === 'sealed') return void (await tx.done);
  job.state = waiting ? 'waiting_tab' : 'capturing';
  job.updatedAt = new Date().toISOString();
  await tx.objectStore('captureJobs').put(job);
  const requests = tx.objectStore('requests');
  for (const id of job.pending) {
    const r = await requests.get(id);
    if (r?.outbox.state === 'capturing') await putRequest(requests, { ...r, outbox: { ...r.outbox, lastError: waiting }, updatedAt: job.updatedAt });
  }
  await tx.done;
  announce('requests');
}

/** Jobs of a tab that waited for it: they may go on now (it came to the front, or closed). */
export async function wakeJobsOfTab(tabId: number): Promise<number> {
  const waiting = (await jobsIn('waiting_tab')).filter((j) => j.tab.id === tabId);
  for (const j of waiting) await setWaiting(j.jobId, null);
  return waiting.length;
}

export async function dropOldSealedJobs(now: number): Promise<void> {
  const tx = (await db()).transaction('captureJobs', 'readwrite');
  for (const j of await tx.store.index('byState').getAll('sealed')) {
    if (Date.parse(j.updatedAt) < now - KEEP_SEALED_MS) await tx.store.delete(j.jobId);
  }
  await tx.done;
}
