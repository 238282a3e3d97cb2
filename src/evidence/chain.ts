import { readManifest } from './format.ts';

export interface ChainManifest {
  sha256: string;
  data: Uint8Array;
  /** null for the first capture on the device; undefined when the bytes are not a manifest. */
  previous: string | null | undefined;
}

export interface ChainWalk {
  /** Every manifest reached, each once, in the order reached (newest first from each start). */
  manifests: ChainManifest[];
  /** Manifests a link names that the store does not hold, with the manifest that names them. */
  missing: { sha256: string; namedBy: string | null }[];
}

/**
 * Walks the per-device hash chain back from the given manifests to the first capture, so
 * that a bundle holds everything needed to re-walk it. `load` reads one stored manifest.
 */
export async function walkChain(starts: readonly string[], load: (sha256: string) => Promise<Uint8Array | undefined>): Promise<ChainWalk> {
  const seen = new Set<string>();
  const manifests: ChainManifest[] = [];
  const missing: ChainWalk['missing'] = [];
  for (const start of starts) {
    let sha: string | null = start;
    let namedBy: string | null = null;
    while (sha && !seen.has(sha)) {
      seen.add(sha);
      const data = await load(sha);
      if (!data) {
        missing.push({ sha256: sha, namedBy });
        break;
      }
      const read = readManifest(data);
      const previous = read.ok ? read.manifest.previousManifestSha256 : undefined;
      manifests.push({ sha256: sha, data, previous });
      namedBy = sha;
      sha = previous ?? null;
    }
  }
  return { manifests, missing };
}

/** The manifests in chain order, newest first (heads are manifests no other one names). */
export function chainOrder<T extends { sha256: string; previous: string | null | undefined }>(manifests: readonly T[]): T[] {
  const bySha = new Map(manifests.map((m) => [m.sha256, m]));
  const named = new Set(manifests.map((m) => m.previous).filter((p): p is string => typeof p === 'string'));
  const order: T[] = [];
  const placed = new Set<string>();
  for (const head of manifests.filter((m) => !named.has(m.sha256))) {
    for (let m: T | undefined = head; m && !placed.has(m.sha256); m = m.previous ? bySha.get(m.previous) : undefined) {
      placed.add(m.sha256);
      order.push(m);
    }
  }
  // Anything left is on a loop, which hashes make impossible; keep it rather than drop it.
  for (const m of manifests) if (!placed.has(m.sha256)) order.push(m);
  return order;
}
