import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkTimeStampResp, certificateDer, newNonce, timeStampRequest } from '../src/evidence/timestamp.ts';
import { readFile } from 'node:fs/promises';
import { startKit, type Kit } from './server.test-kit.ts';

const run = promisify(execFile);
let kit: Kit;
beforeEach(async () => {
  kit = await startKit();
});
afterEach(() => kit.done());

const manifest = new TextEncoder().encode('{"format":"tdf-capture-manifest/1"}\n');
const stamp = async (body: Uint8Array) =>
  fetch(kit.sb.tsaUrl, { method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body: body as BodyInit });

describe('the sandbox TSA', () => {
  it('answers our TimeStampReq with a token our checker and `openssl ts -verify` both accept, against its own root', async () => {
    const imprint = new Uint8Array(await crypto.subtle.digest('SHA-256', manifest));
    const nonce = newNonce();
    const res = await stamp(timeStampRequest(imprint, nonce));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/timestamp-reply');
    // Like a public TSA: no CORS, which is why the extension asks for the TSA's host permission.
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const token = new Uint8Array(await res.arrayBuffer());
    const root = await kit.sb.tsaRootPath();
    const check = await checkTimeStampResp(token, { data: manifest, nonce }, [certificateDer(new Uint8Array(await readFile(root)))!]);
    expect(check).toMatchObject({ ok: true, info: { tsa: 'CN=Sandbox TSA, O=Takedown Flagger sandbox' } });

    const dir = kit.dataDir;
    await writeFile(path.join(dir, 'm.json'), manifest);
    await writeFile(path.join(dir, 'm.tsr'), token);
    const { stdout } = await run('openssl', ['ts', '-verify', '-data', 'm.json', '-in', 'm.tsr', '-CAfile', root], { cwd: dir });
    expect(stdout).toContain('Verification: OK');
  });

  it('keeps its root across restarts, so earlier tokens still verify', async () => {
    const before = await readFile(await kit.sb.tsaRootPath(), 'utf8');
    await kit.restart();
    expect(await readFile(await kit.sb.tsaRootPath(), 'utf8')).toBe(before);
  });

  it('answers a rejection to what is not a query, and takes only faults aimed at it', async () => {
    const garbage = await stamp(new TextEncoder().encode('hello'));
    expect(await checkTimeStampResp(new Uint8Array(await garbage.arrayBuffer()), { data: manifest })).toMatchObject({ ok: false, code: 'rejected' });
    expect((await fetch(kit.sb.tsaUrl)).status).toBe(400);
    kit.sb.faults.push({ kind: 'status', status: 503 }); // meant for the API, not the TSA
    kit.sb.faults.push({ kind: 'status', status: 503, match: { pathPrefix: '/tsa' } });
    const imprint = new Uint8Array(await crypto.subtle.digest('SHA-256', manifest));
    expect((await stamp(timeStampRequest(imprint, newNonce()))).status).toBe(503);
    expect((await stamp(timeStampRequest(imprint, newNonce()))).status).toBe(200);
    expect(kit.sb.faults.pending()).toHaveLength(1);
  });
});
