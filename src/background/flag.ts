import { db } from '../shared/db/open.ts';
import { announce } from '../shared/db/changes.ts';
import { getSettings } from '../shared/db/kv.ts';
import { itemKey, Listing, sellerKey, type EvidenceRef, type Problem, type TakedownRecord } from '../shared/model.ts';
import type { RequestOf, ResponseOf } from '../shared/messages.ts';
import { adapterFor } from '../sites/registry.ts';
import { artifact } from './capture/artifact.ts';
import { captureEvidence } from './capture/collect.ts';
import { buildManifest, serialiseManifest } from './capture/manifest.ts';
import { utf8 } from './capture/hash.ts';
import { annotationFor } from './annotate.ts';
import { ext } from '../shared/browser.ts';

const CHAIN_HEAD = 'captureChainHead';

export interface FlagContext {
  tab: { id: number; windowId: number; url: string; title: string };
  now: () => Date;
  newId: () => string;
}

type FlagAnswer = ResponseOf<'flag'>;
const refuse = (code: string, message: string): FlagAnswer => ({ ok: false, error: { code, message } });

// Flags are serialised: each capture manifest names the previous one, so two flags must not
// read the same chain head.
let chain: Promise<unknown> = Promise.resolve();

export function flag(payload: RequestOf<'flag'>, ctx: FlagContext): Promise<FlagAnswer> {
  const run = chain.then(() => flagNow(payload, ctx));
  chain = run.catch(() => undefined);
  return run;
}

async function flagNow(payload: RequestOf<'flag'>, ctx: FlagContext): Promise<FlagAnswer> {
  const site = adapterFor(new URL(ctx.tab.url));
  if (!site) return refuse('wrong_site', 'This tab is not a marketplace page we support.');
  const listings: Listing[] = [];
  for (const raw of payload.listings) {
    const parsed = Listing.safeParse(raw);
    if (!parsed.success) return refuse('invalid_listing', `A listing could not be read from the page: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
    // A content script may only flag listings of the site its own tab shows.
    if (parsed.data.marketplace !== site.id && !site.alsoLists?.includes(parsed.data.marketplace)) return refuse('wrong_site', 'A listing does not belong to the page it was flagged on.');
    listings.push(parsed.data);
  }
  const settings = await getSettings();
  const rights = settings.me?.ipRights;
  if (rights && !rights.some((r) => r.id === payload.ipRightId)) return refuse('unknown_ip_right', 'That IP right is not one of your member account.');

  const capturedAt = ctx.now();
  const started = performance.now();
  const capture = await captureEvidence({ tabId: ctx.tab.id, windowId: ctx.tab.windowId }, site.pageKind(new URL(ctx.tab.url)), listings);
  const captured = capture.shared;
  const gaps = capture.gaps;
  const gapsOf = (i: number) => [...gaps, ...capture.listings[i]!.gaps];

  const ids = listings.map(() => ctx.newId());
  const metadata = await Promise.all(
    listings.map((listing, i) => {
      // The listing's card in the screenshot that shows it (search and shop pages).
      const card = capture.listings[i]!.card;
      const body = { clientRequestId: ids[i], listing, page: { url: ctx.tab.url, title: ctx.tab.title }, capturedAt: capturedAt.toISOString(), ...(card ? { screenshot: card } : {}) };
      return artifact('metadata', 'application/json', utf8(JSON.stringify(body, null, 2)), capturedAt);
    }),
  );
  const ownArtifacts = capture.listings.flatMap((l) => l.artifacts).filter((a, i, all) => all.findIndex((b) => b.ref.sha256 === a.ref.sha256) === i);
  const cards = listings.flatMap((l, i) => {
    const card = capture.listings[i]!.card;
    return card ? [{ clientRequestId: ids[i]!, itemId: l.itemId, ...card }] : [];
  });
  const database = await db();
  const previous = ((await database.get('kv', CHAIN_HEAD)) as string | undefined) ?? null;
  const manifest = buildManifest({
    captureId: ctx.newId(),
    clientRequestIds: ids,
    capturedAt: capturedAt.toISOString(),
    userTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    page: { url: ctx.tab.url, title: ctx.tab.title },
    listings,
    artifacts: [...captured, ...ownArtifacts, ...metadata].map((a) => a.ref),
    gaps: [...gaps, ...listings.flatMap((l, i) => capture.listings[i]!.gaps.map((g) => ({ code: g.code, message: `${l.itemId}: ${g.message}` })))],
    capture: { ...capture.notes, ...(cards.length ? { cards } : {}), durationMs: Math.round(performance.now() - started) },
    extension: { id: ext.runtime.id, version: ext.runtime.getManifest().version },
    browser: globalThis.navigator?.userAgent ?? 'unknown',
    previousManifestSha256: previous,
  });
  const manifestArtifact = await artifact('capture_manifest', 'application/json', utf8(serialiseManifest(manifest)), capturedAt);

  const flaggedAt = capturedAt.toISOString();
  const records: TakedownRecord[] = listings.map((listing, i) => {
    const evidence: EvidenceRef[] = [...captured, ...capture.listings[i]!.artifacts, metadata[i]!].map((a) => a.ref).concat(manifestArtifact.ref);
    return {
      clientRequestId: ids[i]!,
      itemKey: itemKey(listing),
      sellerKey: sellerKey(listing),
      listing,
      ipRightId: payload.ipRightId,
      reason: payload.reason,
      note: payload.note,
      flaggedAt,
      page: { url: ctx.tab.url, title: ctx.tab.title },
      evidence,
      evidenceGaps: gapsOf(i),
      outbox: { state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null },
      caseId: null,
      caseStatus: null,
      receivedAt: null,
      slaDueAt: null,
      respondBy: null,
      resolvedAt: null,
      resolution: null,
      updatedAt: flaggedAt,
    };
  });

  // Evidence, requests and the chain head in one transaction: the user hears "queued" only
  // once all of it is durable, and a failure (a full disk) leaves nothing half-written.
  try {
    const tx = database.transaction(['evidence', 'requests', 'kv'], 'readwrite');
    const evidence = tx.objectStore('evidence');
    for (const a of [...captured, ...ownArtifacts, ...metadata, manifestArtifact]) {
      await evidence.put({ sha256: a.ref.sha256, mediaType: a.ref.mediaType, bytes: a.ref.bytes, data: a.data, createdAt: a.ref.capturedAt });
    }
    for (const r of records) await tx.objectStore('requests').put(r);
    await tx.objectStore('kv').put(manifestArtifact.ref.sha256, CHAIN_HEAD);
    await tx.done;
  } catch (err) {
    const quota = (err as DOMException)?.name === 'QuotaExceededError';
    return refuse(
      quota ? 'storage_full' : 'storage_failed',
      quota ? 'The disk is full: nothing was queued. Free some space and flag again.' : `Could not store the request: ${(err as Error).message}`,
    );
  }
  announce('requests');
  return { ok: true, clientRequestIds: ids, annotations: records.map((r) => annotationFor(r, false)) };
}
