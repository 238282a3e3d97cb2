import type { EvidenceRef } from '../shared/model.ts';
import { db } from '../shared/db/open.ts';
import { sha256Hex } from '../evidence/format.ts';

/**
 * Stores files the user picked for an answer in the evidence store (content-addressed, as
 * captures are) and returns their references. The popup writes them itself: message passing
 * to the worker cannot carry megabytes of bytes.
 */
export async function storeFiles(files: readonly File[], now: Date): Promise<EvidenceRef[]> {
  const refs: EvidenceRef[] = [];
  for (const f of files) {
    const data = await f.arrayBuffer();
    const sha256 = await sha256Hex(new Uint8Array(data));
    const mediaType = f.type || 'application/octet-stream';
    const kind = mediaType.startsWith('image/') ? 'screenshot' : 'document';
    const database = await db();
    if (!(await database.get('evidence', sha256))) {
      await database.put('evidence', { sha256, mediaType, bytes: data.byteLength, data, createdAt: now.toISOString() });
    }
    refs.push({ sha256, kind, mediaType, bytes: data.byteLength, capturedAt: now.toISOString() });
  }
  return refs;
}
