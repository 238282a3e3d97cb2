import type { ResponseOf } from '../../shared/messages.ts';
import { getJob } from './job-store.ts';

/**
 * How far a flag's evidence is, for the page's progress bar: `done` counts listings whose
 * evidence is stored and whose request went on to the outbox. `tabId` set: only a job of
 * that tab is told about (a content script asks about its own).
 */
export async function captureProgress(jobId: string, tabId: number | null): Promise<ResponseOf<'captureProgress'>> {
  const job = await getJob(jobId);
  if (!job || (tabId !== null && job.tab.id !== tabId)) return { done: 0, total: 0, state: 'unknown', missing: 0 };
  const total = job.clientRequestIds.length;
  return { done: total - job.pending.length, total, state: job.state, missing: job.missing };
}
