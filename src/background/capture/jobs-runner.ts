import { t } from '../../shared/i18n.ts';
import { ext } from '../../shared/browser.ts';
import { getSettings } from '../../shared/db/kv.ts';
import { storeFlag } from '../../shared/db/flags.ts';
import type { CaptureJob } from '../../shared/db/schema.ts';
import type { Problem, TakedownRecord } from '../../shared/model.ts';
import { captureStep } from '../flag.ts';
import type { Capture, ViewMemo } from './collect.ts';
import { capturingRecords, dropOldSealedJobs, getJob, jobsIn, setWaiting, updateJob, wakeJobsOfTab } from './job-store.ts';

export const CAPTURE_ALARM = 'capture-watchdog';
const WATCHDOG_MS = 5_000;
/**
 * Listings captured and stored together: small enough that a worker stopped mid-step loses
 * only seconds of captures, big enough that cards on one screen share a capture.
 */
export const CHUNK = 20;
/** A job that keeps failing for reasons we do not know is stored with what it has after this. */
const MAX_ATTEMPTS = 3;
/** After bringing a tab to the front, give it a moment to paint before the capture. */
const FRONT_SETTLE_MS = 300;

export interface RunnerDeps {
  newId: () => string;
  /** Called when requests were released to the outbox. */
  onStored: () => void;
  /**
   * Other captures that extend the device's hash chain (an answer's fresh capture), run in
   * this runner's turn once its jobs are done: one capture at a time keeps the chain unforked.
   */
  alsoCapture: () => Promise<void>;
}

const defaults: RunnerDeps = { newId: () => crypto.randomUUID(), onStored: () => undefined, alsoCapture: async () => undefined };
let deps = defaults;

/** The worker's entry sets what happens after a step is stored (stamp, send), once, at start. */
export function configureCaptures(d: Partial<RunnerDeps>): void {
  deps = { ...defaults, ...d };
}

type Stop = { code: 'tab_closed' | 'page_gone' | 'capture_stopped' | 'capture_failed'; message: string };
const waitingForTab: Problem = { code: 'waiting_for_tab', message: '' };
const sameDocument = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/** The job's tab, or why its capture cannot go on. */
async function tabOf(job: CaptureJob): Promise<{ tab: chrome.tabs.Tab } | { stop: Stop }> {
  const tab = await ext.tabs.get(job.tab.id).catch(() => null);
  if (!tab) return { stop: { code: 'tab_closed', message: t('capture_gap_tab_closed') } };
  // The browser tells us the URL of marketplace tabs (host permission); none means unchanged.
  if (tab.url && !sameDocument(tab.url, job.tab.url)) return { stop: { code: 'page_gone', message: t('capture_gap_page_gone') } };
  return { tab };
}

/**
 * Brings the job's tab to the front for the moment of the capture, where the user allowed
 * it; returns how to put back the tab they had in front, or null when the job must wait.
 */
async function front(tab: chrome.tabs.Tab): Promise<(() => Promise<void>) | null> {
  if (tab.active) return async () => undefined;
  if (!(await getSettings()).captureBringToFront) return null;
  const [previous] = await ext.tabs.query({ active: true, windowId: tab.windowId }).catch(() => [] as chrome.tabs.Tab[]);
  await ext.tabs.update(tab.id!, { active: true });
  await new Promise((r) => setTimeout(r, FRONT_SETTLE_MS));
  return async () => {
    if (previous?.id !== undefined && previous.id !== tab.id) await ext.tabs.update(previous.id, { active: true }).catch(() => undefined);
  };
}

/** The tab, or the page that answered the capture, is no longer the document the user flagged. */
function movedOn(job: CaptureJob, tab: chrome.tabs.Tab | null, capture: Capture): boolean {
  if (tab?.url && !sameDocument(tab.url, job.tab.url)) return true;
  return capture.page !== null && !sameDocument(capture.page.url, job.tab.url);
}

const hasOwnScreenshot = (job: CaptureJob, capture: Capture, i: number) =>
  job.kind === 'search' || job.kind === 'shop' ? capture.listings[i]!.card !== null : capture.shared.some((a) => a.ref.kind === 'screenshot');

/** Stores one step: evidence, manifest, requests to the outbox and the job's progress, at once. */
async function store(job: CaptureJob, records: TakedownRecord[], step: Awaited<ReturnType<typeof captureStep>>, held?: Problem): Promise<void> {
  const { write, capture } = step;
  if (held) write.requests = write.requests.map((r) => ({ ...r, outbox: { ...r.outbox, state: 'attention' as const, lastError: held } }));
  const current = (await getJob(job.jobId)) ?? job;
  const done = new Set(records.map((r) => r.clientRequestId));
  const pending = current.pending.filter((id) => !done.has(id));
  const missing = current.missing + records.filter((_, i) => !hasOwnScreenshot(job, capture, i)).length;
  write.job = { ...current, pending, missing, state: pending.length ? current.state : 'sealed', updatedAt: new Date().toISOString() };
  const stored = await storeFlag(write);
  if (!stored.ok) throw new Error(stored.message);
  Object.assign(job, write.job);
  deps.onStored();
}

/** What cannot be captured any more is stored as it is, the gap said, held or sent as the options say. */
async function finish(job: CaptureJob, stop: Stop): Promise<void> {
  const records = await capturingRecords(job.pending);
  if (!records.length) return void (await updateJob(job.jobId, (j) => ((j.pending = []), (j.state = 'sealed'))));
  const gap: Problem = { code: stop.code, message: stop.message };
  const nothing: Capture = { shared: [], gaps: [gap], listings: records.map(() => ({ artifacts: [], gaps: [], card: null })), notes: { viewport: null, archive: null }, page: null, viewport: null };
  const hold = (await getSettings()).captureWhenImpossible === 'hold';
  await store(job, records, await captureStep(job, records, deps.newId, { given: nothing }), hold ? { code: 'evidence_incomplete', message: t('capture_held_incomplete', stop.message) } : undefined);
}

const stopped = (): Stop => ({ code: 'capture_stopped', message: t('capture_gap_stopped') });

/** Takes one job as far as it can go now: stored, or waiting for its tab. */
async function advance(job: CaptureJob): Promise<void> {
  const view: ViewMemo = { last: null };
  while (job.pending.length) {
    if (job.stopRequested) return finish(job, stopped());
    const where = await tabOf(job);
    if ('stop' in where) return finish(job, where.stop);
    const restore = await front(where.tab);
    if (!restore) return setWaiting(job.jobId, { ...waitingForTab, message: t('capture_waiting_for_tab') });
    try {
      const records = await capturingRecords(job.pending.slice(0, CHUNK));
      if (!records.length) {
        const skip = new Set(job.pending.slice(0, CHUNK));
        Object.assign(job, await updateJob(job.jobId, (j) => ((j.pending = j.pending.filter((id) => !skip.has(id))), j.pending.length || (j.state = 'sealed'))));
        continue;
      }
      const step = await captureStep(job, records, deps.newId, { view });
      // The user switched tabs during the capture: keep none of it (it may show another
      // tab's page or have gaps it need not have) and wait for the tab.
      const after = await ext.tabs.get(job.tab.id).catch(() => null);
      if (after && !after.active) return setWaiting(job.jobId, { ...waitingForTab, message: t('capture_waiting_for_tab') });
      // The tab moved on to another page during the capture (an agent flags and goes to the
      // next listing at once): what was captured may show that page, so none of it is kept.
      if (movedOn(job, after, step.capture)) return finish(job, { code: 'page_gone', message: t('capture_gap_page_gone') });
      await store(job, records, step);
    } finally {
      await restore();
    }
    Object.assign(job, (await getJob(job.jobId)) ?? {});
  }
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Works through the capture jobs one at a time (captures share the browser's rate limit and
 * each manifest names the previous one). Triggers fold into one more pass. While jobs run, a
 * watchdog alarm is kept a few seconds ahead: a worker stopped mid-capture is started again
 * by it, and the next one goes on from what was stored.
 */
export function runCaptures(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    const arm = () => ext.alarms.create(CAPTURE_ALARM, { when: Date.now() + WATCHDOG_MS });
    await arm();
    const watchdog = setInterval(() => void arm(), WATCHDOG_MS / 2);
    const failed = new Set<string>();
    try {
      do {
        again = false;
        for (;;) {
          const job = (await jobsIn('capturing')).find((j) => !failed.has(j.jobId));
          if (!job) break;
          try {
            await advance(job);
          } catch (err) {
            console.error('capture job failed', err);
            failed.add(job.jobId);
            const j = await updateJob(job.jobId, (x) => void (x.attempts += 1));
            if (j && j.attempts >= MAX_ATTEMPTS) await finish(j, { code: 'capture_failed', message: t('capture_gap_failed', (err as Error).message) }).catch(() => undefined);
          }
        }
        await deps.alsoCapture().catch((err: unknown) => console.error('capture failed', err));
      } while (again);
    } finally {
      clearInterval(watchdog);
      await ext.alarms.clear(CAPTURE_ALARM);
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

/** A tab came to the front (or closed): jobs waiting for it go on. */
export async function onTabShown(tabId: number): Promise<void> {
  if (await wakeJobsOfTab(tabId)) await runCaptures();
}

/** At every worker start: what a stopped worker left, and jobs whose tab is in front by now. */
export async function resumeCaptures(): Promise<void> {
  await dropOldSealedJobs(Date.now()).catch(() => undefined);
  for (const job of await jobsIn('waiting_tab')) {
    const tab = await ext.tabs.get(job.tab.id).catch(() => null);
    if (!tab || tab.active || (await getSettings()).captureBringToFront) await setWaiting(job.jobId, null);
  }
  await runCaptures();
}

/** Stops every job that is not sealed yet (the popup's Stop); how many were stopped. */
export async function stopAllCaptures(): Promise<{ stopped: number }> {
  let stopped = 0;
  for (const state of ['capturing', 'waiting_tab'] as const) {
    for (const job of await jobsIn(state)) if ((await stopCapture(job.jobId, null)).ok) stopped++;
  }
  return { stopped };
}

/** The user stopped a capture midway (a content script only its own tab's). */
export async function stopCapture(jobId: string, tabId: number | null): Promise<{ ok: boolean }> {
  const job = await getJob(jobId);
  if (!job || job.state === 'sealed' || (tabId !== null && job.tab.id !== tabId)) return { ok: false };
  await updateJob(jobId, (j) => {
    j.stopRequested = true;
    if (j.state === 'waiting_tab') j.state = 'capturing';
  });
  void runCaptures();
  return { ok: true };
}
