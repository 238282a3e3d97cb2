import type { EvidenceRef, Listing } from '../../shared/model.ts';

/**
 * The capture manifest: what was captured, when, where and by what, with every artifact's
 * hash, plus the hash of the previous manifest on this device. The chain lets anyone re-walk
 * the captures later and see that none was removed or altered.
 */
export interface CaptureManifest {
  format: 'tdf-capture-manifest/1';
  captureId: string;
  clientRequestIds: string[];
  capturedAt: string;
  userTimeZone: string;
  page: { url: string; title: string };
  listings: Listing[];
  artifacts: EvidenceRef[];
  gaps: { code: string; message: string }[];
  extension: { id: string; version: string };
  browser: string;
  previousManifestSha256: string | null;
}

export function buildManifest(input: Omit<CaptureManifest, 'format'>): CaptureManifest {
  return { format: 'tdf-capture-manifest/1', ...input };
}

/** Stable bytes: the manifest's hash must not depend on anything but its content. */
export function serialiseManifest(m: CaptureManifest): string {
  return JSON.stringify(m, null, 2) + '\n';
}
