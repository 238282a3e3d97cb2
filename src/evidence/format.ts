import { z } from '../shared/zod.ts';
import { EvidenceRef, Problem } from '../shared/model.ts';

// The evidence format in one place: the worker writes it (flag.ts), the bundle export and
// verify-bundle read it. A field changes here or nowhere.

export { EVIDENCE_KIND, type EvidenceKindName } from './kinds.ts';

export const TIMESTAMP_MEDIA_TYPE = 'application/timestamp-reply';

/** The artifact record: an evidence file's hash, kind, media type, size and capture time. */
export const ArtifactRecord = EvidenceRef;
export type ArtifactRecord = EvidenceRef;

/** Lower-case hex SHA-256 via Web Crypto, which the worker, extension pages and Node 20 all have. */
export async function sha256Hex(data: Uint8Array | ArrayBuffer): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const isSha256 = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);
export const utf8Bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const Hex = z.string().regex(/^[0-9a-f]{64}$/);
const Rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

/** The viewport capture taken when the user flagged (what they saw, without our UI). */
export const ViewportNote = z.object({
  sha256: Hex,
  scrollX: z.number(),
  scrollY: z.number(),
  viewport: z.object({ width: z.number(), height: z.number() }),
  devicePixelRatio: z.number(),
  /** Device pixels per CSS px in the capture (devicePixelRatio times page zoom). */
  scale: z.number(),
});
export type ViewportNote = z.infer<typeof ViewportNote>;

/** The stitched full-page capture (item pages). */
export const FullPageNote = z.object({
  sha256: Hex.nullable(),
  pageHeightCss: z.number(),
  capturedHeightCss: z.number(),
  viewports: z.number(),
  /** The page was taller than the cap: the image shows its top part only. */
  truncated: z.boolean(),
  /** The page moved while it was captured: some rows of the image are blank. */
  incomplete: z.boolean(),
  /** The page fits one viewport: the viewport capture is the full page. */
  sameAsViewport: z.boolean(),
});
export type FullPageNote = z.infer<typeof FullPageNote>;

/** Where a flagged card is in the capture that shows it (search and shop pages). */
export const CardNote = z.object({
  sha256: Hex,
  scrollY: z.number(),
  rectCss: Rect,
  rectDevice: Rect,
  /** The whole card is inside the capture (a card taller than the viewport is not). */
  fullyVisible: z.boolean(),
});
export type CardNote = z.infer<typeof CardNote>;

export const ArchiveNote = z.object({
  format: z.enum(['mhtml', 'html']),
  truncated: z.boolean(),
  /** Why there is no MHTML, when the archive is the serialized HTML instead. */
  mhtmlError: z.string().optional(),
});
export type ArchiveNote = z.infer<typeof ArchiveNote>;

export const CaptureNotes = z.object({
  viewport: ViewportNote.nullable(),
  fullPage: FullPageNote.optional(),
  cards: z.array(z.object({ clientRequestId: z.string(), itemId: z.string() }).extend(CardNote.shape)).optional(),
  archive: ArchiveNote.nullable(),
  /** From the flag's arrival to the last artifact: what the user waited for. */
  durationMs: z.number(),
});
export type CaptureNotes = z.infer<typeof CaptureNotes>;

/** Where, when and by what a capture was made: what a court asks about a screenshot. */
export const CaptureContext = z.object({
  extensionVersion: z.string(),
  browser: z.object({ name: z.string(), version: z.string(), userAgent: z.string() }),
  /** The browser's UI language, which the extension's own text follows. */
  uiLanguage: z.string(),
  page: z.object({
    /** The tab's URL as the browser reported it when the user flagged. */
    url: z.string(),
    /** The document's own URL when captured, after redirects (null: the page did not answer). */
    finalUrl: z.string().nullable(),
    /** Redirects followed to that document, as the page's navigation timing counts them. */
    redirectCount: z.number().nullable(),
  }),
  viewport: z.object({ width: z.number(), height: z.number(), devicePixelRatio: z.number() }).nullable(),
  clock: z.object({
    /** This device's clock when the capture started. */
    local: z.string(),
    /** The alliance API's `Date` header, read around the capture, and our clock's offset from it. */
    api: z.object({ date: z.string(), receivedAt: z.string(), offsetMs: z.number() }).nullable(),
    /** Why there is no API time (offline, not configured, header not readable). */
    apiUnavailable: z.string().optional(),
  }),
  /** The page was visible and focused in its window (null: the page did not answer). */
  pageInFront: z.boolean().nullable(),
});
export type CaptureContext = z.infer<typeof CaptureContext>;

export const MANIFEST_FORMAT = 'tdf-capture-manifest/1';

/**
 * The capture manifest: what was captured, when, where and by what, with every artifact's
 * hash, plus the hash of the previous manifest on this device. The chain lets anyone re-walk
 * the captures later and see that none was removed or altered. Fields added after format 1
 * are optional, so manifests written by earlier versions still read.
 */
export const CaptureManifest = z.object({
  format: z.string().startsWith('tdf-capture-manifest/'),
  captureId: z.string(),
  clientRequestIds: z.array(z.string()),
  capturedAt: z.string(),
  userTimeZone: z.string(),
  page: z.object({ url: z.string(), title: z.string() }),
  // What the page showed (a Listing when written); read loosely so that a listing rule
  // tightened later never makes an old manifest unreadable.
  listings: z.array(z.looseObject({ marketplace: z.string(), itemId: z.string() })),
  artifacts: z.array(EvidenceRef),
  gaps: z.array(Problem),
  capture: CaptureNotes.optional(),
  context: CaptureContext.optional(),
  /** What still showed a placeholder when the capture was sealed (empty: nothing). */
  incomplete: z.array(z.object({ what: z.string(), detail: z.string() })).optional(),
  extension: z.object({ id: z.string(), version: z.string() }),
  browser: z.string(),
  previousManifestSha256: Hex.nullable(),
});
export type CaptureManifest = z.infer<typeof CaptureManifest>;

export function buildManifest(input: Omit<CaptureManifest, 'format'>): CaptureManifest {
  return { format: MANIFEST_FORMAT, ...input };
}

/** Stable bytes: the manifest's hash must not depend on anything but its content. */
export function serialiseManifest(m: CaptureManifest): Uint8Array {
  return utf8Bytes(JSON.stringify(m, null, 2) + '\n');
}

/** The manifest in these bytes, or why they are not one. */
export function readManifest(bytes: Uint8Array): { ok: true; manifest: CaptureManifest } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = CaptureManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `not a capture manifest (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})` };
  }
  return { ok: true, manifest: parsed.data };
}
