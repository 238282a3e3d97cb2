import { db } from '../shared/db/open.ts';
import type { EvidenceRef, TakedownRecord } from '../shared/model.ts';
import { EVIDENCE_KIND, readManifest } from '../evidence/format.ts';
import { walkChain } from '../evidence/chain.ts';
import { getSettings } from '../shared/db/kv.ts';
import { stampStatus, type StampStatus } from './stamp-status.ts';

export interface ReportEntry {
  record: TakedownRecord;
  /** The screenshot as the evidence store holds it (bytes hashed to its name). */
  screenshot: { ref: EvidenceRef; blob: Blob } | null;
  manifest: {
    sha256: string;
    capturedAt: string | null;
    previous: string | null;
    /** 1 for the device's first capture; null when a link back is not stored. */
    position: number | null;
  } | null;
  timestamps: { tsa: string; genTime: string; sha256: string }[];
  /** Where the manifest's trusted timestamp stands: stamped, owed (and why), given up, or none. */
  stamp: StampStatus;
  /** The screenshot of the fresh capture sent with the answer to the alliance, when there is one. */
  answerShot: { ref: EvidenceRef; blob: Blob } | null;
  /** The trusted timestamp of that fresh capture's manifest. */
  answerStamp: StampStatus;
  /** Its tokens, as for the request's own capture. */
  answerTimestamps: ReportEntry['timestamps'];
}

/**
 * What the printable report shows for each request, from the extension's own IndexedDB: the
 * screenshot, the capture manifest and its place in the device's hash chain, and the trusted
 * timestamps of that manifest when there are any.
 */
export async function reportEntries(ids: readonly string[]): Promise<ReportEntry[]> {
  const database = await db();
  const load = async (sha: string) => {
    const b = await database.get('evidence', sha);
    return b ? new Uint8Array(b.data) : undefined;
  };
  const tsaConfigured = (await getSettings()).tsaUrls.length > 0;
  const entries: ReportEntry[] = [];
  for (const id of ids) {
    const record = await database.get('requests', id);
    if (!record) continue;
    const shotRef = record.evidence.find((e) => e.kind === 'screenshot') ?? record.evidence.find((e) => e.mediaType.startsWith('image/')) ?? null;
    const shotBlob = shotRef ? await database.get('evidence', shotRef.sha256) : undefined;
    const manifestRef = record.evidence.findLast((e) => e.kind === EVIDENCE_KIND.manifest);
    let manifest: ReportEntry['manifest'] = null;
    let timestamps: ReportEntry['timestamps'] = [];
    let stamp: StampStatus = { kind: 'no_capture' };
    if (manifestRef) {
      const walk = await walkChain([manifestRef.sha256], load);
      const head = walk.manifests[0];
      const read = head ? readManifest(head.data) : null;
      manifest = {
        sha256: manifestRef.sha256,
        capturedAt: read?.ok ? read.manifest.capturedAt : null,
        previous: head?.previous ?? null,
        position: walk.missing.length === 0 && head ? walk.manifests.length : null,
      };
      const job = await database.get('stamps', manifestRef.sha256);
      timestamps = (job?.tokens ?? []).map((t) => ({ tsa: t.tsa, genTime: t.genTime, sha256: t.sha256 }));
      stamp = stampStatus({ evidence: [manifestRef] }, job, tsaConfigured);
    }
    const answerRef = record.answer?.evidence.find((e) => e.kind === 'screenshot') ?? null;
    const answerManifest = record.answer?.evidence.findLast((e) => e.kind === EVIDENCE_KIND.manifest);
    const answerJob = answerManifest ? await database.get('stamps', answerManifest.sha256) : undefined;
    const answerBlob = answerRef ? await database.get('evidence', answerRef.sha256) : undefined;
    entries.push({
      record,
      screenshot: shotRef && shotBlob ? { ref: shotRef, blob: new Blob([shotBlob.data], { type: shotBlob.mediaType }) } : null,
      manifest,
      timestamps,
      stamp,
      answerShot: answerRef && answerBlob ? { ref: answerRef, blob: new Blob([answerBlob.data], { type: answerBlob.mediaType }) } : null,
      answerStamp: stampStatus({ evidence: answerManifest ? [answerManifest] : [] }, answerJob, tsaConfigured),
      answerTimestamps: (answerJob?.tokens ?? []).map((t) => ({ tsa: t.tsa, genTime: t.genTime, sha256: t.sha256 })),
    });
  }
  return entries;
}
