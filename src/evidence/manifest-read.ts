import { z } from '../shared/zod.ts';

// What the bundle tools need from a capture manifest (src/background/capture/manifest.ts
// writes it). Read leniently: fields added by a later version are ignored.

const Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestView = z.object({
  format: z.string().startsWith('tdf-capture-manifest/'),
  captureId: z.string().optional(),
  capturedAt: z.string().optional(),
  clientRequestIds: z.array(z.string()).default([]),
  artifacts: z.array(z.object({ sha256: Hex, kind: z.string(), mediaType: z.string(), bytes: z.number().int().min(0) })),
  previousManifestSha256: Hex.nullable(),
});
export type ManifestView = z.infer<typeof ManifestView>;

/** The manifest in these bytes, or why they are not one. */
export function readManifest(bytes: Uint8Array): { ok: true; manifest: ManifestView } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = ManifestView.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `not a capture manifest (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})` };
  }
  return { ok: true, manifest: parsed.data };
}
