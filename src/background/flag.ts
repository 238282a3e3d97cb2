import { getSettings, kvGet } from '../shared/db/kv.ts';
import { storageRefusal, type FlagWrite } from '../shared/db/flags.ts';
import { db } from '../shared/db/open.ts';
import { announce } from '../shared/db/changes.ts';
import type { CaptureJob } from '../shared/db/schema.ts';
import { itemKey, Listing, sellerKey, type TakedownRecord } from '../shared/model.ts';
import type { ItemAnnotation, RequestOf, ResponseOf } from '../shared/messages.ts';
import { siteFor } from '../sites/definitions.ts';
import type { SiteDefinition } from '../sites/adapter.ts';
import { captureEvidence, type Capture, type ViewMemo } from './capture/collect.ts';
import { NO_CASE_YET, packageFlag } from './flag-package.ts';
import { annotationFor } from './annotate.ts';
import { newStampJob } from './stamp/stamper.ts';
import { apiClock, browserInfo, captureContext } from './capture/context.ts';
import { uiLocale } from '../shared/i18n.ts';
import { ext } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { getSelection } from './selection-store.ts';
import { putRequest } from '../shared/db/request-put.ts';

export interface FlagContext {
  tab: { id: number; windowId: number; url: string; title: string };
  now: () => Date;
  newId: () => string;
}

type FlagAnswer = ResponseOf<'flag'>;
const refuse = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

/**
 * A flag is stored before anything is captured: the requests (state `capturing`) and the
 * capture job that will collect their evidence, in one transaction, within moments of the
 * click. Capturing a big selection takes minutes, and MV3 may stop the worker at any point
 * of it; what the user asked for must not depend on that. The job runner
 * (capture/jobs-runner.ts) takes it from here, in this worker or the next one.
 */
export async function flag(payload: RequestOf<'flag'>, ctx: FlagContext): Promise<FlagAnswer> {
  const valid = await validate(payload, ctx.tab.url);
  if (!valid.ok) return valid;
  const { site, listings } = valid;
  const jobId = payload.submitId ?? ctx.newId();
  const again = new Set(payload.flagAgain ?? []);
  const flaggedAt = ctx.now().toISOString();
  const page = { url: ctx.tab.url, title: ctx.tab.title };
  // Listings selected on an earlier result page of this search record that page (as the
  // browser named it when they were selected), not the page the selection was flagged from.
  const selectedOn = new Map((await getSelection(ctx.tab).catch(() => [])).map((i) => [i.listing.itemId, i.selectedOn]));
  const pageOf = (l: Listing) => {
    const url = selectedOn.get(l.itemId);
    return url && !sameDocument(url, ctx.tab.url) ? { url, title: '' } : page;
  };
  const tx = (await db()).transaction(['requests', 'captureJobs'], 'readwrite');
  try {
    const requests = tx.objectStore('requests');
    const jobs = tx.objectStore('captureJobs');
    // The same submit again (its first answer was lost with a stopped worker): same answer.
    const existing = await jobs.get(jobId);
    if (existing) {
      const records = (await Promise.all(existing.clientRequestIds.map((id) => requests.get(id)))).filter((r): r is TakedownRecord => r !== undefined);
      await tx.done;
      return { ok: true, jobId, clientRequestIds: existing.clientRequestIds, annotations: records.map((r) => annotationFor(r, false)), skipped: [] };
    }
    const skipped: ItemAnnotation[] = [];
    const fresh: Listing[] = [];
    const seen = new Set<string>();
    for (const listing of listings) {
      const key = itemKey(listing);
      if (seen.has(key)) continue;
      seen.add(key);
      // "Already reported": this device has a request for the listing, and the user did not
      // choose to flag that one again.
      if (!again.has(listing.itemId)) {
        const prior = (await requests.index('byItem').getAll(key)).sort((a, b) => b.flaggedAt.localeCompare(a.flaggedAt))[0];
        if (prior) {
          skipped.push(annotationFor(prior, false));
          continue;
        }
      }
      fresh.push(listing);
    }
    const records = fresh.map((listing) => capturingRecord(listing, payload, pageOf(listing), flaggedAt, ctx.newId()));
    if (records.length) {
      const ids = records.map((r) => r.clientRequestId);
      const job: CaptureJob = { jobId, state: 'capturing', tab: ctx.tab, kind: site.pageKind(new URL(ctx.tab.url)), flaggedAt, clientRequestIds: ids, pending: ids, missing: 0, attempts: 0, updatedAt: flaggedAt };
      for (const r of records) await putRequest(requests, r);
      await jobs.put(job);
    }
    await tx.done;
    if (records.length) announce('requests');
    return { ok: true, jobId: records.length ? jobId : null, clientRequestIds: records.map((r) => r.clientRequestId), annotations: records.map((r) => annotationFor(r, false)), skipped };
  } catch (err) {
    const refusal = storageRefusal(tx, err);
    return refuse(refusal.code, refusal.message);
  }
}

function capturingRecord(listing: Listing, payload: RequestOf<'flag'>, page: TakedownRecord['page'], flaggedAt: string, id: string): TakedownRecord {
  return {
    clientRequestId: id,
    itemKey: itemKey(listing),
    sellerKey: sellerKey(listing),
    listing,
    ipRightId: payload.ipRightId,
    reason: payload.reason,
    note: payload.note,
    flaggedAt,
    page,
    evidence: [],
    evidenceGaps: [],
    outbox: { state: 'capturing', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null },
    ...NO_CASE_YET,
    updatedAt: flaggedAt,
  };
}

/**
 * Captures and packages one step of a job: these requests' evidence (or, with `capture`
 * given, what could be had without the tab), their capture manifest chained to the device's
 * head, and the requests as they go to the outbox (their click time kept). Not stored here.
 */
export async function captureStep(job: CaptureJob, records: TakedownRecord[], newId: () => string, from: { given?: Capture; view?: ViewMemo } = {}): Promise<{ write: FlagWrite; capture: Capture }> {
  const settings = await getSettings();
  const capturedAt = new Date();
  const started = performance.now();
  const listings = records.map((r) => r.listing);
  // The API's clock and the browser's version are asked alongside the capture, never before it.
  const [capture, api, browser] = await Promise.all([
    from.given ?? captureEvidence({ tabId: job.tab.id, windowId: job.tab.windowId }, job.kind, listings, from.view),
    apiClock(settings),
    browserInfo(),
  ]);
  const durationMs = Math.round(performance.now() - started);
  earlierPageGaps(job, records, capture);
  const version = ext.runtime.getManifest().version;
  const first = records[0]!;
  const write = await packageFlag({
    payload: { ipRightId: first.ipRightId, reason: first.reason, note: first.note },
    listings,
    page: { url: job.tab.url, title: job.tab.title },
    capture,
    capturedAt,
    requestIds: records.map((r) => r.clientRequestId),
    captureId: newId(),
    previousManifestSha256: (await kvGet('captureChainHead')) ?? null,
    context: {
      userTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      extension: { id: ext.runtime.id, version },
      browser: globalThis.navigator?.userAgent ?? 'unknown',
      durationMs,
    },
    captureContext: captureContext({ capture, tabUrl: job.tab.url, extensionVersion: version, browser, uiLanguage: uiLocale(), local: capturedAt, api }),
  });
  // The click's time stays the request's time; the capture's is in its manifest.
  write.requests = write.requests.map((r, i) => ({ ...r, flaggedAt: records[i]!.flaggedAt, page: records[i]!.page }));
  // The manifest's trusted timestamp is a durable job stored with the step itself.
  if (settings.tsaUrls.length > 0) write.stamp = newStampJob(write.chainHead, capturedAt);
  return { write, capture };
}

const sameDocument = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/**
 * A listing selected on an earlier result page has no card on the page the selection was
 * flagged from, so no screenshot of its card: its gap says so and names that page, rather than
 * "no longer on the page". (Capturing each card when it is selected was the other choice: it
 * would take screenshots of listings the user may never flag, at two a second for a "select
 * all" of hundreds, with an activeTab grant a click in the page does not give.) Its listing as
 * the card showed it, the page archive and the flagged page's screenshot are still captured.
 */
function earlierPageGaps(job: CaptureJob, records: TakedownRecord[], capture: Capture): void {
  records.forEach((r, i) => {
    const mine = capture.listings[i];
    if (!mine || sameDocument(r.page.url, job.tab.url)) return;
    mine.gaps = mine.gaps.map((g) => (g.code === 'card_not_found' ? { code: 'card_on_earlier_page', message: t('capture_gap_card_earlier_page', r.page.url) } : g));
  });
}

type Valid = { ok: true; site: SiteDefinition; listings: Listing[] };

async function validate(payload: RequestOf<'flag'>, tabUrl: string): Promise<Valid | Extract<FlagAnswer, { ok: false }>> {
  const site = siteFor(new URL(tabUrl));
  if (!site) return refuse('wrong_site', t('worker_error_wrong_site'));
  const listings: Listing[] = [];
  for (const raw of payload.listings) {
    const parsed = Listing.safeParse(raw);
    if (!parsed.success) return refuse('invalid_listing', t('worker_error_invalid_listing', parsed.error.issues[0]?.message ?? 'invalid'));
    // A content script may only flag listings of the site its own tab shows.
    if (parsed.data.marketplace !== site.id && !site.alsoLists?.includes(parsed.data.marketplace)) return refuse('wrong_site', t('worker_error_foreign_listing'));
    listings.push(parsed.data);
  }
  const rights = (await getSettings()).me?.ipRights;
  if (rights && !rights.some((r) => r.id === payload.ipRightId)) return refuse('unknown_ip_right', t('worker_error_unknown_ip_right'));
  return { ok: true, site, listings };
}
