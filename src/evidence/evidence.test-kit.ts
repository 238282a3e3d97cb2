// Test-only: stores captures in IndexedDB the way the worker's flag.ts does (artifacts,
// a capture manifest chained to the previous one, the request, the chain head).
import { db } from '../shared/db/open.ts';
import { kvGet, kvPut } from '../shared/db/kv.ts';
import type { EvidenceRef, TakedownRecord } from '../shared/model.ts';
import { makeRecord } from '../../test/unit/records.ts';
import { buildManifest, serialiseManifest, sha256Hex, utf8Bytes } from './format.ts';

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function put(kind: string, mediaType: string, data: Uint8Array, at: string): Promise<EvidenceRef> {
  const sha256 = await sha256Hex(data);
  const ref: EvidenceRef = { sha256, kind, mediaType, bytes: data.length, capturedAt: at };
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  await (await db()).put('evidence', { sha256, mediaType, bytes: data.length, data: buffer, createdAt: at });
  return ref;
}

let n = 0;

/** One flag of one listing: screenshot, MHTML, metadata and manifest, chained to the head. */
export async function storeCapture(patch: Parameters<typeof makeRecord>[0] = {}): Promise<{ record: TakedownRecord; manifestSha: string }> {
  n += 1;
  const database = await db();
  const at = new Date(Date.UTC(2026, 10, 20, 1, n)).toISOString();
  const base = makeRecord({ flaggedAt: at, ...patch });
  const shot = await put('screenshot', 'image/png', new Uint8Array([...PNG_HEADER, ...utf8Bytes(`pixels ${n}`)]), at);
  const archive = await put('page_archive', 'multipart/related', utf8Bytes(`From: <Saved by Blink>\r\nSubject: capture ${n}\r\n\r\n<html>页面 ${n}</html>`), at);
  const metadata = await put('metadata', 'application/json', utf8Bytes(JSON.stringify({ clientRequestId: base.clientRequestId, listing: base.listing }, null, 2)), at);
  const previous = (await kvGet('captureChainHead')) ?? null;
  const manifest = buildManifest({
    captureId: `capture-${n}`,
    clientRequestIds: [base.clientRequestId],
    capturedAt: at,
    userTimeZone: 'Asia/Shanghai',
    page: base.page,
    listings: [base.listing],
    artifacts: [shot, archive, metadata],
    gaps: [],
    extension: { id: 'test', version: '0.1.0' },
    browser: 'test',
    previousManifestSha256: previous,
  });
  const manifestRef = await put('capture_manifest', 'application/json', serialiseManifest(manifest), at);
  const record = { ...base, evidence: [shot, archive, metadata, manifestRef] };
  await database.put('requests', record);
  await kvPut('captureChainHead', manifestRef.sha256);
  return { record, manifestSha: manifestRef.sha256 };
}
