import { manifestPath, stampedManifest } from './paths.ts';
import { checkTimeStampResp } from './timestamp.ts';

// The trusted-timestamp checks of verify-bundle: each timestamps/<sha>.tsr must be a granted
// RFC 3161 token over the exact bytes of manifests/<sha>.json, signed by the certificate in
// it and, with --tsa-ca, chained to that root. Offline: nothing is fetched.

export interface StampSeen {
  path: string;
  manifestSha256: string;
  /** The token file's own SHA-256 (what a request's timestamp_token evidence names). */
  sha256: string;
  tsa: string;
  genTime: string;
}

type Fail = (f: { path: string | null; message: string }) => void;

export async function checkTimestamps(
  files: ReadonlyMap<string, Uint8Array>,
  hashes: ReadonlyMap<string, string>,
  tsaRoots: Uint8Array[],
  fail: Fail,
): Promise<StampSeen[]> {
  const seen: StampSeen[] = [];
  for (const [path, data] of files) {
    if (!path.startsWith('timestamps/')) continue;
    const named = stampedManifest(path);
    if (!named) {
      fail({ path, message: 'is not named <manifest sha256>.tsr (or <manifest sha256>.<n>.tsr)' });
      continue;
    }
    const manifest = files.get(manifestPath(named.manifestSha256));
    if (!manifest) {
      fail({ path, message: `stamps manifest ${named.manifestSha256}, which is not in the bundle` });
      continue;
    }
    const check = await checkTimeStampResp(data, { data: manifest }, tsaRoots);
    if (!check.ok) {
      fail({ path, message: `is not a valid timestamp of ${manifestPath(named.manifestSha256)}: ${check.message}` });
      continue;
    }
    seen.push({ path, manifestSha256: named.manifestSha256, sha256: hashes.get(path)!, tsa: check.info.tsa, genTime: check.info.genTime });
  }
  return seen;
}
