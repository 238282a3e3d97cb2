import { db } from '../shared/db/open.ts';
import { announce } from '../shared/db/changes.ts';
import type { CaptureJob } from '../shared/db/schema.ts';
import type { RequestOf, ResponseOf } from '../shared/messages.ts';
import { siteFor } from '../sites/definitions.ts';
import { ext } from '../shared/browser.ts';
import { runCaptures } from './capture/jobs-runner.ts';
import { putRequest } from '../shared/db/request-put.ts';

type Answer = ResponseOf<'recaptureRequest'>;
const refuse = (code: string, message: string): Answer => ({ ok: false, error: { code, message } });
const LOAD_TIMEOUT_MS = 30_000;
const bare = (u: string) => u.split('#')[0];

function loaded(tabId: number): Promise<chrome.tabs.Tab | null> {
  return new Promise((resolve) => {
    const done = (tab: chrome.tabs.Tab | null) => {
      clearTimeout(timer);
      ext.tabs.onUpdated.removeListener(listener);
      resolve(tab);
    };
    const listener = (id: number, info: { status?: string }, tab: chrome.tabs.Tab) => {
      if (id === tabId && info.status === 'complete') done(tab);
    };
    const timer = setTimeout(() => done(null), LOAD_TIMEOUT_MS);
    ext.tabs.onUpdated.addListener(listener);
  });
}

/**
 * "Capture again" for a request that is not with the service yet: a new capture job on a
 * tab that shows the listing (its own item page first, which makes the fullest evidence;
 * else the page it was flagged on), opened in front if no tab shows either.
 */
export async function recapture(p: RequestOf<'recaptureRequest'>, now: Date): Promise<Answer> {
  const database = await db();
  const r = await database.get('requests', p.clientRequestId);
  if (!r) return refuse('not_found', 'This request no longer exists.');
  if (r.caseId !== null || r.outbox.batchId !== null || !['queued', 'attention'].includes(r.outbox.state)) {
    return refuse('conflict', 'This request is being captured or is already with the service.');
  }
  const tabs = await ext.tabs.query({});
  let tab = tabs.find((t) => t.url && bare(t.url) === bare(r.listing.url)) ?? tabs.find((t) => t.url && bare(t.url) === bare(r.page.url));
  if (!tab) {
    const created = await ext.tabs.create({ url: r.listing.url, active: true });
    tab = (created.id !== undefined ? await loaded(created.id) : null) ?? undefined;
    if (!tab) return refuse('page_unavailable', 'The listing page did not open.');
  }
  const site = tab.url ? siteFor(new URL(tab.url)) : null;
  if (!site || tab.id === undefined || !tab.url) return refuse('page_unavailable', 'The listing page is not one we can capture.');
  const at = now.toISOString();
  const job: CaptureJob = {
    jobId: crypto.randomUUID(),
    state: 'capturing',
    tab: { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title ?? '' },
    kind: site.pageKind(new URL(tab.url)),
    flaggedAt: at,
    clientRequestIds: [r.clientRequestId],
    pending: [r.clientRequestId],
    missing: 0,
    attempts: 0,
    updatedAt: at,
  };
  const tx = database.transaction(['requests', 'captureJobs'], 'readwrite');
  const current = await tx.objectStore('requests').get(r.clientRequestId);
  if (!current || current.outbox.batchId !== null || !['queued', 'attention'].includes(current.outbox.state)) {
    await tx.done;
    return refuse('conflict', 'This request changed meanwhile.');
  }
  await putRequest(tx.objectStore('requests'), { ...current, page: { url: job.tab.url, title: job.tab.title }, evidenceGaps: [], outbox: { ...current.outbox, state: 'capturing', lastError: null }, updatedAt: at });
  await tx.objectStore('captureJobs').put(job);
  await tx.done;
  announce('requests');
  void runCaptures();
  return { ok: true };
}
