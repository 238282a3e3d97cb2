import type { EvidenceRef, Listing } from '../../shared/model.ts';
import type { ViewRect } from '../../shared/messages.ts';
import type { ArchiveNote } from './archive.ts';

/** The viewport capture taken when the user flagged (what they saw, without our UI). */
export interface ViewportNote {
  sha256: string;
  scrollX: number;
  scrollY: number;
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  /** Device pixels per CSS px in the capture (devicePixelRatio times page zoom). */
  scale: number;
}

/** The stitched full-page capture (item pages). */
export interface FullPageNote {
  sha256: string | null;
  pageHeightCss: number;
  capturedHeightCss: number;
  viewports: number;
  /** The page was taller than the cap: the image shows its top part only. */
  truncated: boolean;
  /** The page moved while it was captured: some rows of the image are blank. */
  incomplete: boolean;
  /** The page fits one viewport: the viewport capture is the full page. */
  sameAsViewport: boolean;
}

/** Where a flagged card is in the capture that shows it (search and shop pages). */
export interface CardNote {
  sha256: string;
  scrollY: number;
  rectCss: ViewRect;
  rectDevice: ViewRect;
  /** The whole card is inside the capture (a card taller than the viewport is not). */
  fullyVisible: boolean;
}

export interface CaptureNotes {
  viewport: ViewportNote | null;
  fullPage?: FullPageNote;
  cards?: ({ clientRequestId: string; itemId: string } & CardNote)[];
  archive: ArchiveNote | null;
  /** From the flag's arrival to the last artifact: what the user waited for. */
  durationMs: number;
}

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
  /** How the screenshots and the archive were taken (added fields; format 1 readers skip them). */
  capture?: CaptureNotes;
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
