import type { TakedownRecord } from '../shared/model.ts';
import type { ChainManifest } from './chain.ts';
import type { BundleTimestamp } from './bundle.ts';
import { manifestPath, timestampPath } from './paths.ts';
import { EVIDENCE_KIND, readManifest } from './format.ts';

interface ReadmeInput {
  requests: readonly TakedownRecord[];
  /** Newest first. */
  chain: readonly ChainManifest[];
  timestamps: readonly BundleTimestamp[];
  missing: readonly { sha256: string; what: 'evidence' | 'manifest' | 'timestamp'; namedBy: string | null }[];
}

const GUIDE = `Evidence bundle - takedown flagger
==================================

Contents
  requests.json             the takedown request(s) as filed: listing, reason, IP right,
                            note, case id, status, SLA due time
  evidence/<sha256>.<ext>   the captured artifacts: screenshot (.png), page archive
                            (.mhtml or .html), extracted metadata (.json). Each file is
                            named by the SHA-256 of its bytes.
  manifests/<sha256>.json   the capture manifests of this device's hash chain, from the
                            requests' captures back to the first capture on the device
  timestamps/<sha256>.tsr   RFC 3161 trusted timestamps of the manifest of that name (the
                            DER TimeStampResp of a timestamp authority; <sha256>.2.tsr
                            for a second authority, and so on)
  SHA256SUMS                the SHA-256 of every other file, for sha256sum -c
  README.txt                this file

1. Check that no file was changed (in the folder this archive was unpacked into)
     Linux:    sha256sum -c SHA256SUMS
     macOS:    shasum -a 256 -c SHA256SUMS
     Windows:  Get-FileHash -Algorithm SHA256 <file> (PowerShell), compared with
               the line for that file in SHA256SUMS
   Every line must end in OK.

2. Check the capture chain
   - Each manifest's file name is the SHA-256 of its bytes:
       sha256sum manifests/*.json
   - Each manifest names, in "previousManifestSha256", the manifest captured just
     before it on the same device; the first capture names null. Start at the
     newest manifest and follow these names back: each one must be here, and no
     two manifests may name the same predecessor (a fork would mean a capture was
     removed and the chain rewritten after it).
   - Each manifest's "artifacts" gives the SHA-256 and size (bytes) of every file
     of that capture. The files under evidence/ must match them. Manifests of
     other captures in the chain list files that are not in this bundle: only
     their hashes are needed to re-walk the chain.
   - Each request's capture manifest was also sent to the takedown service with
     the request, so the service holds the same hash.

3. Check the trusted timestamps (when this bundle has timestamps/)
   A timestamp authority (TSA) signed, at the time it states, the SHA-256 of the
   manifest of the same name: that manifest, and through its hashes every file of
   its capture, existed then. The TSA saw only that hash, never the page.
     openssl ts -verify -data manifests/<sha256>.json -in timestamps/<sha256>.tsr \
       -CAfile <the TSA's root certificate, from the TSA>
   must print "Verification: OK". To show the stamped time, the TSA and the hash:
     openssl ts -reply -in timestamps/<sha256>.tsr -text

4. Or all checks at once, from the extension's source code (Node.js 20+):
     npm run verify-bundle -- <this-file>.zip [--tsa-ca <TSA root certificate>]
   It prints what fails and each timestamp's TSA and time, and exits 0 only when
   everything holds.

中文说明
  1. 校验文件未被改动：sha256sum -c SHA256SUMS（每一行都应为 OK）。
  2. 校验取证哈希链：manifests/ 下每个文件名即其内容的 SHA-256；每份取证清单的
     previousManifestSha256 指向同一设备上前一次取证的清单，最早的一份为 null；
     任意两份清单不得指向同一前序清单。evidence/ 下的文件须与清单中的哈希和大小一致。
  3. 可信时间戳（timestamps/ 下的 .tsr 文件，RFC 3161）：时间戳机构只看到清单的
     SHA-256 哈希与时间，看不到页面内容。校验：
       openssl ts -verify -data manifests/<sha256>.json -in timestamps/<sha256>.tsr -CAfile <时间戳机构根证书>
     查看时间：openssl ts -reply -in timestamps/<sha256>.tsr -text
  4. 一次完成全部校验：npm run verify-bundle -- <本文件>.zip [--tsa-ca <根证书>]
`;

function describeManifest(m: ChainManifest): string {
  const read = readManifest(m.data);
  if (!read.ok) return `  ${m.sha256}  (${read.error})`;
  const ids = read.manifest.clientRequestIds.join(', ');
  return `  ${m.sha256}  ${read.manifest.capturedAt ?? '?'}  ${ids}`;
}

/** The guide plus what this bundle holds: its requests, its chain, and anything missing. */
export function bundleReadme(input: ReadmeInput): string {
  const out = [GUIDE, '', 'Requests in this bundle'];
  for (const r of input.requests) {
    const manifest = r.evidence.find((e) => e.kind === EVIDENCE_KIND.manifest)?.sha256 ?? 'none';
    out.push(`  ${r.clientRequestId}  ${r.listing.marketplace}:${r.listing.itemId}  case ${r.caseId ?? '(not filed yet)'}  flagged ${r.flaggedAt}`);
    out.push(`    capture manifest ${manifest}`);
    for (const gap of r.evidenceGaps) out.push(`    not captured: ${gap.message}`);
  }
  out.push('', 'Capture chain, newest first (sha256, captured at, requests)');
  for (const m of input.chain) out.push(describeManifest(m));
  if (input.timestamps.length > 0) {
    out.push('', 'Trusted timestamps (file, time stated by the TSA, TSA)');
    for (const t of input.timestamps) out.push(`  ${timestampPath(t.manifestSha256, t.n)}  ${t.genTime}  ${t.tsa}`);
    const first = input.timestamps[0]!;
    out.push('', 'For example:', `  openssl ts -verify -data ${manifestPath(first.manifestSha256)} -in ${timestampPath(first.manifestSha256, first.n)} -CAfile <the TSA's root certificate>`);
  }
  if (input.missing.length > 0) {
    out.push('', 'MISSING: named but no longer held by this device when the bundle was made');
    for (const m of input.missing) out.push(`  ${m.what} ${m.sha256}${m.namedBy ? `, named by ${m.namedBy}` : ''}`);
  }
  return out.join('\n') + '\n';
}
