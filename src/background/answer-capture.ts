import { db } from '../shared/db/open.ts';
import { announce } from '../shared/db/changes.ts';
import { getSettings, kvGet, kvPut } from '../shared/db/kv.ts';
import { ext } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { MAX_RESPONSE_EVIDENCE } from '../shared/api/schemas.ts';
import type { PendingAnswer, Problem, TakedownRecord } from '../shared/model.ts';
import { siteFor } from '../sites/definitions.ts';
import { captureEvidence } from './capture/collect.ts';
import { artifact, type Artifact } from './capture/artifact.ts';
import { buildManifest, EVIDENCE_KIND, serialiseManifest } from '../evidence/format.ts';
import { newStampJob } from './stamp/stamper.ts';
import { putRequest } from '../shared/db/request-put.ts';

const LOAD_TIMEOUT_MS = 20_000;
/** A worker stopped mid-capture begins it again; past this the answer goes without it. */
const MAX_TRIES = 3;
/** The alarm that wakes a stopped worker to go on (its name starts with the outbox's: it also sends). */
export const ANSWER_WAKE_ALARM = 'outbox-answer';
const WATCHDOG_MS = 5_000;

/** Wakes the worker shortly, so an answer stored just before the worker was stopped still goes. */
export const armAnswerWake = () => ext.alarms.create(ANSWER_WAKE_ALARM, { when: Date.now() + WATCHDOG_MS });

function loaded(tabId: number): Promise<chrome.tabs.Tab | null> {
  return new Promise((resolve) => {
    const done = (tab: chrome.tabs.Tab | null) => {
      clearTimeout(timer);
      ext.tabs.onUpdated.removeListener(listener);
      resolve(tab);
    };
    // A new tab is briefly a complete about:blank before it navigates: that is not the listing.
    const atPage = (tab: chrome.tabs.Tab) => tab.status === 'complete' && /^https?:/i.test(tab.url ?? '');
    const listener = (id: number, _info: unknown, tab: chrome.tabs.Tab) => {
      if (id === tabId && atPage(tab)) done(tab);
    };
    const timer = setTimeout(() => done(null), LOAD_TIMEOUT_MS);
    ext.tabs.onUpdated.addListener(listener);
    // It may have loaded before the listener was added.
    void ext.tabs.get(tabId).then((tab) => atPage(tab) && done(tab), () => done(null));
  });
}

/**
 * Where to see the listing now: the item page it was flagged on, when it was flagged on its
 * own page (the address the user had open), else the listing's canonical address.
 */
function addressOf(r: TakedownRecord): string | null {
  const web = (u: string) => /^https?:\/\//i.test(u);
  if (web(r.page.url)) {
    const page = new URL(r.page.url);
    if (siteFor(page)?.itemIdFromUrl(page) === r.listing.itemId) return r.page.url;
  }
  return web(r.listing.url) ? r.listing.url : null;
}

type Fresh = { artifacts: Artifact[]; gaps: Problem[]; page?: { url: string; title: string } };
const gap = (code: string, message: string): Fresh => ({ artifacts: [], gaps: [{ code, message }] });

/**
 * Opens the listing as it is online now in a new tab in front (a screenshot sees only the
 * tab in front, and a tab already open may show an old state of the page), captures it as
 * a flag's evidence is captured (the viewport and whole page with our UI hidden, and the
 * archive), and closes the tab. What could not be had is a gap, in words for the user.
 */
async function captureListing(r: TakedownRecord, a: PendingAnswer): Promise<Fresh> {
  if (a.captureTabId !== undefined) await ext.tabs.remove(a.captureTabId).catch(() => undefined);
  const url = addressOf(r);
  if (!url) return gap('page_unavailable', t('answer_gap_no_url'));
  const tab = await ext.tabs.create({ url, active: true });
  if (tab.id === undefined) return gap('page_unavailable', t('answer_gap_not_loaded'));
  const tabId = tab.id;
  await setAnswer(r.clientRequestId, (x) => ({ ...x, captureTabId: tabId }));
  try {
    const ready = await loaded(tabId);
    if (!ready) return gap('page_unavailable', t('answer_gap_not_loaded'));
    const capture = await captureEvidence({ tabId, windowId: ready.windowId }, 'item', [r.listing]);
    // Our page script answers on the marketplace's pages only: without it the tab showed
    // something else (a browser error, a login wall). What it showed is kept, and said.
    const gaps = capture.page ? capture.gaps : [{ code: 'page_not_listing', message: t('answer_gap_not_listing') }, ...capture.gaps];
    return { artifacts: capture.shared, gaps, page: { url: ready.url ?? r.listing.url, title: ready.title ?? '' } };
  } finally {
    await ext.tabs.remove(tabId).catch(() => undefined);
  }
}

async function setAnswer(id: string, change: (a: PendingAnswer) => PendingAnswer): Promise<void> {
  const tx = (await db()).transaction('requests', 'readwrite');
  const r = await tx.store.get(id);
  if (r?.answer?.state === 'capturing') await putRequest(tx.store, { ...r, answer: change(r.answer) });
  await tx.done;
}

/**
 * The fresh capture's manifest, chained to the device's head like a flag's (the capture
 * runner runs one capture at a time, so the head read here is still the head when stored).
 */
async function manifestOf(r: TakedownRecord, fresh: Fresh, capturedAt: Date): Promise<Artifact> {
  const version = ext.runtime.getManifest().version;
  const manifest = buildManifest({
    captureId: crypto.randomUUID(),
    clientRequestIds: [r.clientRequestId],
    capturedAt: capturedAt.toISOString(),
    userTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    page: fresh.page ?? { url: r.listing.url, title: '' },
    listings: [r.listing],
    artifacts: fresh.artifacts.map((x) => x.ref),
    gaps: fresh.gaps,
    extension: { id: ext.runtime.id, version },
    browser: globalThis.navigator?.userAgent ?? 'unknown',
    previousManifestSha256: (await kvGet('captureChainHead')) ?? null,
  });
  return artifact(EVIDENCE_KIND.manifest, 'application/json', serialiseManifest(manifest), capturedAt);
}

/**
 * The capture joins the answer (its files, its manifest as the new chain head, the body),
 * which is then queued to be sent, and the manifest's stamp job: one transaction.
 */
async function complete(id: string, fresh: Fresh): Promise<void> {
  const now = new Date();
  const current = await (await db()).get('requests', id);
  const manifest = fresh.artifacts.length > 0 && current ? await manifestOf(current, fresh, now) : null;
  const stamp = manifest && (await getSettings()).tsaUrls.length > 0 ? newStampJob(manifest.ref.sha256, now) : null;
  const tx = (await db()).transaction(['evidence', 'requests', 'kv', 'stamps'], 'readwrite');
  const r = await tx.objectStore('requests').get(id);
  const a = r?.answer;
  if (!r || a?.state !== 'capturing') return void (await tx.done);
  const files = manifest ? [...fresh.artifacts, manifest] : fresh.artifacts;
  for (const { ref, data } of files) {
    await tx.objectStore('evidence').put({ sha256: ref.sha256, mediaType: ref.mediaType, bytes: ref.bytes, data, createdAt: ref.capturedAt });
  }
  if (manifest) await kvPut('captureChainHead', manifest.ref.sha256, tx.objectStore('kv'));
  if (stamp) await tx.objectStore('stamps').put(stamp);
  const evidence = [...a.evidence, ...files.map((x) => x.ref)].slice(0, MAX_RESPONSE_EVIDENCE);
  const body = { ...(JSON.parse(a.body) as object), evidence };
  const { captureTabId: _closed, ...rest } = a;
  await putRequest(tx.objectStore('requests'), { ...r, answer: { ...rest, evidence, body: JSON.stringify(body), state: 'queued', nextAttemptAt: 0, gaps: fresh.gaps }, updatedAt: new Date().toISOString() });
  await tx.done;
  announce('requests');
}

async function captureOne(r: TakedownRecord, onStored: () => void): Promise<void> {
  const a = r.answer!;
  const tries = (a.captureTries ?? 0) + 1;
  let fresh: Fresh;
  if (tries > MAX_TRIES) fresh = gap('capture_failed', t('answer_gap_gave_up'));
  else {
    await setAnswer(r.clientRequestId, (x) => ({ ...x, captureTries: tries }));
    fresh = await captureListing(r, a).catch((err: unknown) => gap('capture_failed', t('capture_gap_failed', (err as Error).message)));
  }
  await complete(r.clientRequestId, fresh);
  onStored();
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Makes the fresh captures asked for with answers, in the capture runner's turn (they share
 * the browser's capture rate and the hash chain with flags), at the submit and at every
 * worker start (a stopped worker's capture begins again). A watchdog alarm wakes the next
 * worker if this one is stopped. `onStored`: stamp and send, as after a flag's capture.
 */
export function runAnswerCaptures(onStored: () => void): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    const database = await db();
    let watchdog: ReturnType<typeof setInterval> | undefined;
    try {
      do {
        again = false;
        for (const id of (await kvGet('pendingAnswers')) ?? []) {
          const r = await database.get('requests', id);
          if (r?.answer?.state !== 'capturing') continue;
          if (!watchdog) {
            await armAnswerWake();
            watchdog = setInterval(() => void armAnswerWake(), WATCHDOG_MS / 2);
          }
          await captureOne(r, onStored).catch((err: unknown) => console.error('answer capture failed', err));
        }
      } while (again);
    } finally {
      clearInterval(watchdog);
    }
  })().finally(() => {
    running = null;
  });
  return running;
}
