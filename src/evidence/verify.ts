import { z } from '../shared/zod.ts';
import { EVIDENCE_KIND, readManifest, sha256Hex, type CaptureManifest } from './format.ts';
import { claimedHash, manifestPath, REQUESTS_FILE, SUMS_FILE } from './paths.ts';
import { parseSums } from './sha256sums.ts';
import { checkTimestamps, type StampSeen } from './verify-timestamps.ts';

// Every check of an evidence bundle, on its files in memory (no I/O): used by
// `npm run verify-bundle` and by the tests. A failure names the file it is about.

export interface Failure {
  path: string | null;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  failures: Failure[];
  /** What was checked, for the report. */
  checked: string[];
  /** Every trusted timestamp that holds, with the TSA and the time it states. */
  timestamps: StampSeen[];
}

type Files = ReadonlyMap<string, Uint8Array>;
type Hashes = ReadonlyMap<string, string>;
type Manifests = Map<string, CaptureManifest>;

function checkSums(files: Files, hashes: Hashes, fail: (f: Failure) => void): number {
  const sums = files.get(SUMS_FILE);
  if (!sums) {
    fail({ path: SUMS_FILE, message: 'is missing' });
    return 0;
  }
  const { lines, malformed } = parseSums(new TextDecoder().decode(sums));
  for (const m of malformed) fail({ path: SUMS_FILE, message: `line ${m.lineNo} is not "<sha256>  <path>": ${m.text}` });
  const listed = new Set<string>();
  for (const line of lines) {
    if (listed.has(line.path)) fail({ path: line.path, message: 'is listed twice in SHA256SUMS' });
    listed.add(line.path);
    const actual = hashes.get(line.path);
    if (actual === undefined) fail({ path: line.path, message: 'is listed in SHA256SUMS but not in the bundle (removed)' });
    else if (actual !== line.sha256) fail({ path: line.path, message: `does not match SHA256SUMS (listed ${line.sha256}, bytes hash to ${actual}): the file was changed` });
  }
  for (const path of files.keys()) {
    if (path !== SUMS_FILE && !listed.has(path)) fail({ path, message: 'is in the bundle but not listed in SHA256SUMS' });
  }
  return lines.length;
}

function checkNamesAndReadManifests(files: Files, hashes: Hashes, fail: (f: Failure) => void): Manifests {
  const manifests: Manifests = new Map();
  for (const [path, data] of files) {
    const claim = claimedHash(path);
    if (!claim) {
      if (path.startsWith('evidence/') || path.startsWith('manifests/')) fail({ path, message: 'is not named <sha256>.<ext>' });
      continue;
    }
    if (hashes.get(path) !== claim.sha256) {
      fail({ path, message: `its bytes hash to ${hashes.get(path)}, not to the hash in its name: the file was changed` });
      continue;
    }
    if (claim.folder !== 'manifests') continue;
    const read = readManifest(data);
    if (read.ok) manifests.set(claim.sha256, read.manifest);
    else fail({ path, message: `is ${read.error}` });
  }
  return manifests;
}

function evidenceFiles(files: Files): Map<string, string> {
  const bySha = new Map<string, string>();
  for (const path of files.keys()) {
    const claim = claimedHash(path);
    if (claim?.folder === 'evidence') bySha.set(claim.sha256, path);
  }
  return bySha;
}

function checkArtifacts(files: Files, hashes: Hashes, manifests: Manifests, fail: (f: Failure) => void): number {
  const present = evidenceFiles(files);
  let matched = 0;
  for (const [sha, manifest] of manifests) {
    for (const a of manifest.artifacts) {
      const path = present.get(a.sha256);
      if (!path) continue; // An artifact of another capture in the chain: only its hash is needed.
      const data = files.get(path)!;
      if (hashes.get(path) !== a.sha256) continue; // Already reported: its name is this hash.
      if (data.length !== a.bytes) fail({ path, message: `is ${data.length} bytes; manifest ${sha} says ${a.bytes}` });
      else matched++;
    }
  }
  return matched;
}

function checkChain(manifests: Manifests, fail: (f: Failure) => void): number {
  const byPrevious = new Map<string, string[]>();
  for (const [sha, m] of manifests) {
    const prev = m.previousManifestSha256 ?? 'null';
    byPrevious.set(prev, [...(byPrevious.get(prev) ?? []), sha]);
    if (m.previousManifestSha256 && !manifests.has(m.previousManifestSha256)) {
      fail({ path: manifestPath(sha), message: `names previous manifest ${m.previousManifestSha256}, which is outside the bundle: the chain is broken there (a manifest was removed or changed)` });
    }
  }
  for (const [prev, children] of byPrevious) {
    if (children.length < 2) continue;
    const what = prev === 'null' ? 'all claim to be the first capture' : `all name ${prev} as their previous manifest`;
    fail({ path: null, message: `the chain forks: manifests ${children.sort().join(', ')} ${what} (a capture was removed and the chain rewritten)` });
  }
  return manifests.size;
}

const RequestsFile = z.object({
  requests: z.array(
    z.object({
      clientRequestId: z.string(),
      evidence: z.array(z.object({ sha256: z.string(), kind: z.string(), bytes: z.number() })),
    }),
  ),
});

function checkRequests(files: Files, manifests: Manifests, stamps: readonly StampSeen[], fail: (f: Failure) => void): number {
  const raw = files.get(REQUESTS_FILE);
  if (!raw) {
    fail({ path: REQUESTS_FILE, message: 'is missing' });
    return 0;
  }
  let parsed;
  try {
    parsed = RequestsFile.safeParse(JSON.parse(new TextDecoder().decode(raw)));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    fail({ path: REQUESTS_FILE, message: 'is not a list of requests' });
    return 0;
  }
  const present = evidenceFiles(files);
  for (const r of parsed.data.requests) {
    const own = r.evidence.find((e) => e.kind === EVIDENCE_KIND.manifest);
    const manifest = own ? manifests.get(own.sha256) : undefined;
    if (!own) fail({ path: REQUESTS_FILE, message: `request ${r.clientRequestId} names no capture manifest` });
    else if (!manifest) fail({ path: manifestPath(own.sha256), message: `the capture manifest of request ${r.clientRequestId} is missing or unreadable` });
    else if (!manifest.clientRequestIds.includes(r.clientRequestId)) fail({ path: manifestPath(own.sha256), message: `does not name request ${r.clientRequestId}` });
    for (const e of r.evidence) {
      if (e.kind === EVIDENCE_KIND.manifest) continue;
      if (e.kind === EVIDENCE_KIND.timestampToken) {
        // Sent with the request: it must be one of the valid tokens of the request's manifest.
        if (!stamps.some((s) => s.sha256 === e.sha256 && s.manifestSha256 === own?.sha256)) {
          fail({ path: REQUESTS_FILE, message: `the timestamp_token ${e.sha256} of request ${r.clientRequestId} is not a valid timestamp of its manifest in this bundle` });
        }
        continue;
      }
      const path = present.get(e.sha256);
      if (!path) fail({ path: `evidence/${e.sha256}`, message: `the ${e.kind} of request ${r.clientRequestId} is not in the bundle` });
      else if (files.get(path)!.length !== e.bytes) fail({ path, message: `is not the size request ${r.clientRequestId} records (${e.bytes} bytes)` });
      if (manifest && !manifest.artifacts.some((a) => a.sha256 === e.sha256)) fail({ path: path ?? `evidence/${e.sha256}`, message: `is not listed in the capture manifest of request ${r.clientRequestId}` });
    }
  }
  return parsed.data.requests.length;
}

/** `tsaRoots`: DER root certificates the TSAs' certificates must chain to (`--tsa-ca`). */
export async function verifyBundle(files: Files, opts: { tsaRoots?: Uint8Array[] } = {}): Promise<VerifyReport> {
  const failures: Failure[] = [];
  const fail = (f: Failure) => failures.push(f);
  const hashes = new Map<string, string>();
  for (const [path, data] of files) hashes.set(path, await sha256Hex(data));

  const listed = checkSums(files, hashes, fail);
  const manifests = checkNamesAndReadManifests(files, hashes, fail);
  const artifacts = checkArtifacts(files, hashes, manifests, fail);
  const links = checkChain(manifests, fail);
  const stampFiles = [...files.keys()].filter((p) => p.startsWith('timestamps/')).length;
  const timestamps = await checkTimestamps(files, hashes, opts.tsaRoots ?? [], fail);
  const requests = checkRequests(files, manifests, timestamps, fail);
  const checked = [
    `files listed in SHA256SUMS: ${listed}`,
    `capture manifests named by their hash: ${manifests.size}`,
    `artifacts matching their manifests (hash and size): ${artifacts}`,
    `manifests re-walked along the chain: ${links}`,
    `requests matched to their evidence and manifest: ${requests}`,
    `trusted timestamps valid for their manifests: ${timestamps.length} of ${stampFiles}${opts.tsaRoots?.length ? ' (chained to the given TSA root)' : ' (signature checked with the certificate in each token; --tsa-ca also checks its root)'}`,
  ];
  return { ok: failures.length === 0, failures, checked, timestamps };
}

/** The report as lines for a terminal. */
export function formatReport(report: VerifyReport, name: string): string {
  const lines = [`Verifying ${name}`];
  for (const f of report.failures) lines.push(`FAIL ${f.path ? `${f.path}: ` : ''}${f.message}`);
  for (const c of report.checked) lines.push(`     checked: ${c}`);
  for (const s of report.timestamps) lines.push(`     timestamp: ${s.path}  ${s.genTime}  by ${s.tsa}`);
  lines.push(report.ok ? 'OK: every file, artifact and chain link holds.' : `FAILED: ${report.failures.length} problem(s) found.`);
  return lines.join('\n') + '\n';
}
