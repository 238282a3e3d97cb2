import { itemKey, sellerKey, type Listing, type TakedownRecord } from '../shared/model.ts';
import type { RequestOf } from '../shared/messages.ts';
import type { FlagWrite } from '../shared/db/flags.ts';
import { buildManifest, EVIDENCE_KIND, serialiseManifest, utf8Bytes, type CaptureContext, type CaptureManifest } from '../evidence/format.ts';
import { incompleteOf } from './capture/context.ts';
import { artifact, type Artifact } from './capture/artifact.ts';
import type { Capture } from './capture/collect.ts';

/** What a flag is made of once captured: nothing here reads a clock, the browser or storage. */
/** A request the service has not answered yet: no case, no dates, no outcome. */
export const NO_CASE_YET = {
  caseId: null,
  caseStatus: null,
  receivedAt: null,
  slaDueAt: null,
  respondBy: null,
  resolvedAt: null,
  resolution: null,
} as const satisfies Partial<TakedownRecord>;

export interface FlagParts {
  payload: Pick<RequestOf<'flag'>, 'ipRightId' | 'reason' | 'note'>;
  listings: Listing[];
  page: { url: string; title: string };
  capture: Capture;
  capturedAt: Date;
  /** One per listing, then one for the capture. */
  requestIds: string[];
  captureId: string;
  /** The device's chain head before this flag. */
  previousManifestSha256: string | null;
  context: Pick<CaptureManifest, 'userTimeZone' | 'extension' | 'browser'> & { durationMs: number };
  /** Browser, language, URLs, viewport, clocks, page in front (see capture/context.ts). */
  captureContext?: CaptureContext;
}

/**
 * Packages a captured flag into what is stored: per-listing metadata, the capture manifest
 * chained to the previous one, and one queued request per listing. Deterministic: the same
 * parts give the same bytes and records, so it is tested on a fixed clock.
 */
export async function packageFlag(p: FlagParts): Promise<FlagWrite> {
  const { capture, listings, page, capturedAt } = p;
  const at = capturedAt.toISOString();
  const metadata = await Promise.all(
    listings.map((listing, i) => {
      // The listing's card in the screenshot that shows it (search and shop pages).
      const card = capture.listings[i]!.card;
      const body = { clientRequestId: p.requestIds[i], listing, page, capturedAt: at, ...(card ? { screenshot: card } : {}) };
      return artifact(EVIDENCE_KIND.metadata, 'application/json', utf8Bytes(JSON.stringify(body, null, 2)), capturedAt);
    }),
  );
  const own = unique(capture.listings.flatMap((l) => l.artifacts));
  const cards = listings.flatMap((l, i) => {
    const card = capture.listings[i]!.card;
    return card ? [{ clientRequestId: p.requestIds[i]!, itemId: l.itemId, ...card }] : [];
  });
  const manifest = buildManifest({
    captureId: p.captureId,
    clientRequestIds: p.requestIds,
    capturedAt: at,
    userTimeZone: p.context.userTimeZone,
    page,
    listings,
    artifacts: [...capture.shared, ...own, ...metadata].map((a) => a.ref),
    gaps: [...capture.gaps, ...listings.flatMap((l, i) => capture.listings[i]!.gaps.map((g) => ({ code: g.code, message: `${l.itemId}: ${g.message}` })))],
    capture: { ...capture.notes, ...(cards.length ? { cards } : {}), durationMs: p.context.durationMs },
    ...(p.captureContext ? { context: p.captureContext } : {}),
    incomplete: incompleteOf(capture),
    extension: p.context.extension,
    browser: p.context.browser,
    previousManifestSha256: p.previousManifestSha256,
  });
  const manifestArtifact = await artifact(EVIDENCE_KIND.manifest, 'application/json', serialiseManifest(manifest), capturedAt);

  const requests: TakedownRecord[] = listings.map((listing, i) => ({
    clientRequestId: p.requestIds[i]!,
    itemKey: itemKey(listing),
    sellerKey: sellerKey(listing),
    listing,
    ipRightId: p.payload.ipRightId,
    reason: p.payload.reason,
    note: p.payload.note,
    flaggedAt: at,
    page,
    evidence: [...capture.shared, ...capture.listings[i]!.artifacts, metadata[i]!, manifestArtifact].map((a) => a.ref),
    evidenceGaps: [...capture.gaps, ...capture.listings[i]!.gaps],
    outbox: { state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null },
    ...NO_CASE_YET,
    updatedAt: at,
  }));

  const blobs = [...capture.shared, ...own, ...metadata, manifestArtifact].map((a) => ({
    sha256: a.ref.sha256,
    mediaType: a.ref.mediaType,
    bytes: a.ref.bytes,
    data: a.data,
    createdAt: a.ref.capturedAt,
  }));
  return { evidence: blobs, requests, chainHead: manifestArtifact.ref.sha256 };
}

// Two cards in one screenshot share its artifact: store it once.
function unique(artifacts: Artifact[]): Artifact[] {
  return artifacts.filter((a, i, all) => all.findIndex((b) => b.ref.sha256 === a.ref.sha256) === i);
}
