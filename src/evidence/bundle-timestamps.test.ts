import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../shared/db/open.ts';
import { saveSettings } from '../shared/db/kv.ts';
import { newStampJob, stampDue } from '../background/stamp/stamper.ts';
import { startKit, type Kit } from '../../sandbox/server.test-kit.ts';
import { main } from '../cli/verify-bundle.ts';
import { bundleFiles } from './bundle.ts';
import { collectBundle } from './collect.ts';
import { storeCapture } from './evidence.test-kit.ts';
import { formatSums } from './sha256sums.ts';
import { sha256Hex, utf8Bytes } from './format.ts';
import { verifyBundle } from './verify.ts';
import { zipFiles } from './zip.ts';
import { certificateDer } from './timestamp.ts';
import { readFile } from 'node:fs/promises';

// Tokens from the sandbox TSA (openssl) through the worker's stamper, into the bundle, and
// checked again offline by verify-bundle.
let kit: Kit;
let dir: string;
const deps = { now: () => Date.parse('2026-11-24T02:00:00.000Z'), random: () => 0.5 };

beforeEach(async () => {
  kit = await startKit();
  dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-stamped-'));
  await saveSettings({ tsaUrls: [kit.sb.tsaUrl] });
});
afterEach(async () => {
  await kit.done();
  await rm(dir, { recursive: true, force: true });
});

async function stampedBundle() {
  const captures = [];
  for (let i = 0; i < 2; i++) {
    const c = await storeCapture();
    await (await db()).put('stamps', newStampJob(c.manifestSha, new Date(deps.now())));
    captures.push(c);
  }
  await stampDue(deps);
  const last = captures[1]!;
  return { captures, files: await bundleFiles(await collectBundle([last.record.clientRequestId])) };
}

async function resum(f: Map<string, Uint8Array>) {
  const lines = await Promise.all([...f].filter(([p]) => p !== 'SHA256SUMS').map(async ([p, data]) => ({ path: p, sha256: await sha256Hex(data) })));
  f.set('SHA256SUMS', utf8Bytes(formatSums(lines)));
  return f;
}

const cli = async (...args: string[]) => {
  let stdout = '';
  const code = await main(args, (t) => (stdout += t));
  return { code, stdout };
};

describe('trusted timestamps in the evidence bundle', () => {
  it('holds one token per stamped manifest of the chain, which verify-bundle checks against the TSA root', async () => {
    const { captures, files } = await stampedBundle();
    const tokens = captures.map((c) => `timestamps/${c.manifestSha}.tsr`);
    expect([...files.keys()].filter((p) => p.startsWith('timestamps/'))).toEqual([...tokens].sort());
    const readme = new TextDecoder().decode(files.get('README.txt'));
    expect(readme).toMatch(/openssl ts -verify -data manifests\/([0-9a-f]{64})\.json -in timestamps\/\1\.tsr -CAfile/);
    expect(readme).toContain('openssl ts -reply -in timestamps/<sha256>.tsr -text');
    // The request that went out after stamping carries its token as evidence.
    const filed = JSON.parse(new TextDecoder().decode(files.get('requests.json'))) as { requests: { evidence: { kind: string }[] }[] };
    expect(filed.requests[0]!.evidence.map((e) => e.kind)).toContain('timestamp_token');

    const root = certificateDer(new Uint8Array(await readFile(await kit.sb.tsaRootPath())))!;
    const report = await verifyBundle(files, { tsaRoots: [root] });
    expect(report.failures).toEqual([]);
    expect(report.timestamps.map((s) => [s.path, s.tsa])).toEqual(tokens.sort().map((p) => [p, 'CN=Sandbox TSA, O=Takedown Flagger sandbox']));

    const zip = path.join(dir, 'b.zip');
    await writeFile(zip, zipFiles(files));
    const ok = await cli('--', zip, '--tsa-ca', await kit.sb.tsaRootPath());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`timestamp: ${tokens[0]}  \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z  by CN=Sandbox TSA`));
  });

  it('fails the bundle when one byte of a token changes, even with SHA256SUMS rewritten', async () => {
    const { captures, files } = await stampedBundle();
    const token = `timestamps/${captures[1]!.manifestSha}.tsr`;
    const bytes = files.get(token)!.slice();
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    files.set(token, bytes);
    const report = await verifyBundle(await resum(files));
    expect(report.ok).toBe(false);
    expect(report.failures).toContainEqual({ path: token, message: expect.stringContaining(`is not a valid timestamp of manifests/${captures[1]!.manifestSha}.json`) });

    const zip = path.join(dir, 'bad.zip');
    await writeFile(zip, zipFiles(files));
    const bad = await cli(zip, '--tsa-ca', await kit.sb.tsaRootPath());
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`FAIL ${token}: is not a valid timestamp`);
  });

  it('fails a token put under another manifest’s name, and a root the TSA does not chain to', async () => {
    const { captures, files } = await stampedBundle();
    const [a, b] = captures.map((c) => `timestamps/${c.manifestSha}.tsr`);
    const swapped = files.get(a!)!;
    files.set(a!, files.get(b!)!);
    files.set(b!, swapped);
    expect((await verifyBundle(await resum(files))).failures.map((f) => f.path)).toEqual(expect.arrayContaining([a, b]));

    const fresh = (await stampedBundle()).files;
    const other = certificateDer(new Uint8Array(await readFile(path.resolve(import.meta.dirname, '../../test/fixtures/tsp/root.crt'))))!;
    const report = await verifyBundle(fresh, { tsaRoots: [other] });
    expect(report.ok).toBe(false);
    expect(report.failures[0]!.message).toContain('does not lead to the given root');
  });
});
