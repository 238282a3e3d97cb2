import { sha256Hex } from './hash.ts';
import type { EvidenceRef, Problem } from '../../shared/model.ts';

/** One captured file, hashed, ready to be stored content-addressed and referenced. */
export interface Artifact {
  ref: EvidenceRef;
  data: ArrayBuffer;
}

export async function artifact(kind: string, mediaType: string, data: ArrayBuffer, capturedAt: Date): Promise<Artifact> {
  return {
    ref: { sha256: await sha256Hex(data), kind, mediaType, bytes: data.byteLength, capturedAt: capturedAt.toISOString() },
    data,
  };
}

/** A capture either yields an artifact or says, in words for the user, why it could not. */
export type Captured = { ok: true; artifact: Artifact } | { ok: false; gap: Problem };
