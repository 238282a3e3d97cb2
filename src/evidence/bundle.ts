import { displayState, type TakedownRecord } from '../shared/model.ts';
import { chainOrder, type ChainManifest } from './chain.ts';
import { evidencePath, manifestPath, README_FILE, REQUESTS_FILE, SUMS_FILE, timestampPath } from './paths.ts';
import { bundleReadme } from './readme.ts';
import { formatSums } from './sha256sums.ts';
import { EVIDENCE_KIND, sha256Hex, utf8Bytes } from './format.ts';

export interface BundleEvidence {
  sha256: string;
  mediaType: string;
  data: Uint8Array;
}

export interface BundleTimestamp {
  manifestSha256: string;
  /** 1 for the first TSA that answered, 2 for the next, … */
  n: number;
  data: Uint8Array;
  tsa: string;
  genTime: string;
}

export interface BundleInput {
  requests: readonly TakedownRecord[];
  /** The requests' artifacts other than their capture manifests. */
  evidence: readonly BundleEvidence[];
  /** The chain walked back from the requests' manifests (see walkChain). */
  manifests: readonly ChainManifest[];
  /** The trusted timestamps (DER TimeStampResp) this device holds for the chain's manifests. */
  timestamps: readonly BundleTimestamp[];
  /** What the requests or the chain name but this device no longer holds. */
  missing: readonly { sha256: string; what: 'evidence' | 'manifest' | 'timestamp'; namedBy: string | null }[];
}

/** The requests as filed: what a reviewer needs, never settings, tokens or outbox internals. */
export function requestsJson(requests: readonly TakedownRecord[]): string {
  const filed = requests.map((r) => ({
    clientRequestId: r.clientRequestId,
    state: displayState(r, false),
    listing: r.listing,
    reason: r.reason,
    ipRightId: r.ipRightId,
    note: r.note,
    flaggedAt: r.flaggedAt,
    page: r.page,
    evidence: r.evidence,
    evidenceGaps: r.evidenceGaps,
    caseId: r.caseId,
    caseStatus: r.caseStatus,
    receivedAt: r.receivedAt,
    slaDueAt: r.slaDueAt,
    respondBy: r.respondBy,
    resolvedAt: r.resolvedAt,
    resolution: r.resolution,
    // The member's answer to the alliance, with the files (and fresh capture) sent with it.
    ...(r.answer ? { answer: answerJson(r.answer) } : {}),
  }));
  return JSON.stringify({ format: 'tdf-bundle-requests/1', requests: filed }, null, 2) + '\n';
}

const byPath = (a: [string, Uint8Array], b: [string, Uint8Array]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Every file of the bundle, in a fixed order: README.txt, SHA256SUMS, requests.json, then
 * manifests/ and evidence/ sorted by name. SHA256SUMS is computed from the bytes written,
 * not from stored names, so `sha256sum -c` checks exactly what is in the archive.
 */
export async function bundleFiles(input: BundleInput): Promise<Map<string, Uint8Array>> {
  const manifests = new Map(input.manifests.map((m) => [manifestPath(m.sha256), m.data]));
  const evidence = new Map<string, Uint8Array>();
  for (const e of input.evidence) evidence.set(evidencePath(e.sha256, e.mediaType), e.data);
  const timestamps = new Map(input.timestamps.map((t) => [timestampPath(t.manifestSha256, t.n), t.data]));

  const body: [string, Uint8Array][] = [
    [REQUESTS_FILE, utf8Bytes(requestsJson(input.requests))],
    ...[...manifests].sort(byPath),
    ...[...evidence].sort(byPath),
    ...[...timestamps].sort(byPath),
  ];
  const readme = utf8Bytes(bundleReadme({ requests: input.requests, chain: chainOrder(input.manifests), timestamps: input.timestamps, missing: input.missing }));
  const summed: [string, Uint8Array][] = [[README_FILE, readme], ...body];
  const sums = formatSums(await Promise.all(summed.map(async ([path, data]) => ({ path, sha256: await sha256Hex(data) }))));
  return new Map([[README_FILE, readme], [SUMS_FILE, utf8Bytes(sums)], ...body]);
}

function answerJson(a: NonNullable<TakedownRecord['answer']>) {
  let message = '';
  try {
    message = String((JSON.parse(a.body) as { message?: unknown }).message ?? '');
  } catch {
    // Our own JSON; nothing else is ever stored there.
  }
  return { responseId: a.responseId, caseId: a.caseId, message, evidence: a.evidence, state: a.state, queuedAt: a.queuedAt, sentAt: a.sentAt, gaps: a.gaps ?? [] };
}

/** Everything a request's bundle holds of it: its own evidence, then its answer's. */
export const allEvidence = (r: TakedownRecord) => [...r.evidence, ...(r.answer?.evidence ?? [])];

/** The capture manifests a set of requests names (an answer's fresh capture too): where the chain walk starts. */
export function manifestRefs(requests: readonly TakedownRecord[]): string[] {
  return [...new Set(requests.flatMap((r) => allEvidence(r).filter((e) => e.kind === EVIDENCE_KIND.manifest).map((e) => e.sha256)))];
}

/** The download's name: the case id once filed, the client request id before. */
export function bundleFileName(requests: readonly TakedownRecord[]): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (requests.length === 1) return `evidence-${safe(requests[0]!.caseId ?? requests[0]!.clientRequestId)}.zip`;
  return `evidence-${requests.length}-requests.zip`;
}
