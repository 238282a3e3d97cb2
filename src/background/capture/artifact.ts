import { sha256Hex } from '../../evidence/format.ts';
import type { EvidenceRef, Problem } from '../../shared/model.ts';

/** One captured file, hashed, ready to be stored content-addressed and referenced. */
export interface Artifact {
  ref: EvidenceRef;
  data: ArrayBuffer;
}

export async function artifact(kind: string, mediaType: string, bytes: ArrayBuffer | Uint8Array, capturedAt: Date): Promise<Artifact> {
  // IndexedDB stores the ArrayBuffer: a view's whole buffer could hold more than its bytes.
  const data = bytes instanceof Uint8Array ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) : bytes;
  return {
    ref: { sha256: await sha256Hex(data), kind, mediaType, bytes: data.byteLength, capturedAt: capturedAt.toISOString() },
    data,
  };
}

/** A capture either yields an artifact or says, in words for the user, why it could not. */
export type Captured = { ok: true; artifact: Artifact } | { ok: false; gap: Problem };
