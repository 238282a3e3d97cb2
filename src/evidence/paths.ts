// Where each file sits inside an evidence bundle. The verifier finds files by these names,
// so the builder and the verifier share this one definition.

export const SUMS_FILE = 'SHA256SUMS';
export const README_FILE = 'README.txt';
export const REQUESTS_FILE = 'requests.json';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'multipart/related': 'mhtml',
  'application/x-mimearchive': 'mhtml',
  'message/rfc822': 'mhtml',
  'text/html': 'html',
  'application/json': 'json',
};

/** The file extension for a media type (parameters such as `; charset=utf-8` ignored). */
export function extensionFor(mediaType: string): string {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return Object.hasOwn(EXTENSIONS, base) ? EXTENSIONS[base]! : 'bin';
}

export const evidencePath = (sha256: string, mediaType: string) => `evidence/${sha256}.${extensionFor(mediaType)}`;
export const manifestPath = (sha256: string) => `manifests/${sha256}.json`;

/** The n-th trusted timestamp (1-based) of a manifest: `<sha>.tsr`, then `<sha>.2.tsr`, … */
export const timestampPath = (manifestSha256: string, n: number) => `timestamps/${manifestSha256}${n > 1 ? `.${n}` : ''}.tsr`;

const STAMPED = /^timestamps\/([0-9a-f]{64})(?:\.([1-9][0-9]*))?\.tsr$/;

/** The manifest a token file says it stamps, and its place among that manifest's tokens. */
export function stampedManifest(path: string): { manifestSha256: string; n: number } | null {
  const m = STAMPED.exec(path);
  return m ? { manifestSha256: m[1]!, n: m[2] ? Number(m[2]) : 1 } : null;
}

const NAMED = /^(evidence|manifests)\/([0-9a-f]{64})\.[a-z0-9]+$/;

/** The hash a bundle path claims in its name, and under which folder; null for other files. */
export function claimedHash(path: string): { folder: 'evidence' | 'manifests'; sha256: string } | null {
  const m = NAMED.exec(path);
  return m ? { folder: m[1] as 'evidence' | 'manifests', sha256: m[2]! } : null;
}
