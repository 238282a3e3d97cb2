import { db } from '../shared/db/open.ts';
import type { TakedownRecord } from '../shared/model.ts';
import type { BundleEvidence, BundleInput } from './bundle.ts';
import { allEvidence, manifestRefs } from './bundle.ts';
import { walkChain } from './chain.ts';
import { EVIDENCE_KIND } from './format.ts';

/**
 * Reads what a bundle of these requests needs from IndexedDB (the popup's own copy of the
 * worker's store): the requests, their artifacts and the capture chain behind them.
 */
export async function collectBundle(clientRequestIds: readonly string[]): Promise<BundleInput> {
  const database = await db();
  const requests: TakedownRecord[] = [];
  for (const id of clientRequestIds) {
    const r = await database.get('requests', id);
    if (r) requests.push(r);
  }
  const load = async (sha: string) => {
    const blob = await database.get('evidence', sha);
    return blob ? new Uint8Array(blob.data) : undefined;
  };

  const evidence = new Map<string, BundleEvidence>();
  const missing: BundleInput['missing'][number][] = [];
  for (const r of requests) {
    for (const ref of allEvidence(r)) {
      // Manifests come with the chain, tokens with their manifest's timestamps.
      if (ref.kind === EVIDENCE_KIND.manifest || ref.kind === EVIDENCE_KIND.timestampToken || evidence.has(ref.sha256)) continue;
      const blob = await database.get('evidence', ref.sha256);
      if (blob) evidence.set(ref.sha256, { sha256: ref.sha256, mediaType: blob.mediaType, data: new Uint8Array(blob.data) });
      else missing.push({ sha256: ref.sha256, what: 'evidence', namedBy: r.clientRequestId });
    }
  }
  const chain = await walkChain(manifestRefs(requests), load);
  for (const m of chain.missing) missing.push({ sha256: m.sha256, what: 'manifest', namedBy: m.namedBy });
  const timestamps: BundleInput['timestamps'][number][] = [];
  for (const m of chain.manifests) {
    const job = await database.get('stamps', m.sha256);
    for (const [i, token] of (job?.tokens ?? []).entries()) {
      const blob = await database.get('evidence', token.sha256);
      if (blob) timestamps.push({ manifestSha256: m.sha256, n: i + 1, data: new Uint8Array(blob.data), tsa: token.tsa, genTime: token.genTime });
      else missing.push({ sha256: token.sha256, what: 'timestamp', namedBy: m.sha256 });
    }
  }
  return { requests, evidence: [...evidence.values()], manifests: chain.manifests, timestamps, missing };
}
