import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer, checkTimeStampResp, newNonce, timeStampRequest } from './timestamp.ts';

// Answers made by `openssl ts -reply` (test/fixtures/tsp/make-vectors.sh made them).
const dir = path.resolve(import.meta.dirname, '../../test/fixtures/tsp');
const file = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const sha256 = async (b: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', b as BufferSource));

const data = file('data.txt');
const imprint = await sha256(data);
const query = new pkijs.TimeStampReq({ schema: asn1js.fromBER(file('query.tsq').slice().buffer).result });
const nonce = new Uint8Array(query.nonce!.valueBlock.valueHexView);
const root = certificateDer(file('root.crt'))!;

describe('RFC 3161 answers', () => {
  it('accepts a granted answer to our query and reads its TSA, time and nonce', async () => {
    const check = await checkTimeStampResp(file('granted.tsr'), { data, nonce });
    expect(check).toMatchObject({ ok: true, info: { tsa: 'CN=Test TSA, O=Takedown Flagger tests', policy: '1.3.6.1.4.1.99999.1' } });
    if (!check.ok) return;
    expect(check.info.genTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(check.info.imprintSha256).toBe(Buffer.from(imprint).toString('hex'));
  });

  it('checks the chain to a given root, and refuses one that does not lead there', async () => {
    expect((await checkTimeStampResp(file('granted.tsr'), { data }, [root])).ok).toBe(true);
    const other = await checkTimeStampResp(file('granted.tsr'), { data }, [certificateDer(file('other-root.crt'))!]);
    expect(other).toMatchObject({ ok: false, code: 'untrusted' });
  });

  it('refuses an answer over other bytes (wrong imprint)', async () => {
    const check = await checkTimeStampResp(file('wrong-imprint.tsr'), { data, nonce });
    expect(check).toMatchObject({ ok: false, code: 'wrong_imprint' });
  });

  it('refuses an answer to another query (wrong nonce), and holds the nonce only when asked', async () => {
    expect(await checkTimeStampResp(file('wrong-nonce.tsr'), { data, nonce })).toMatchObject({ ok: false, code: 'wrong_nonce' });
    // A kept token checked offline later: its nonce is no longer known, the rest still holds.
    expect((await checkTimeStampResp(file('wrong-nonce.tsr'), { data })).ok).toBe(true);
  });

  it('refuses a token whose signature was changed by one bit', async () => {
    const bad = file('granted.tsr');
    // The signature value is the last field of the DER (no unsigned attributes).
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0x01;
    expect(await checkTimeStampResp(bad, { data, nonce })).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('refuses a token whose stamped time was changed, though its signature bytes are intact', async () => {
    const bad = file('granted.tsr');
    const text = Buffer.from(bad).toString('latin1');
    const at = text.search(/\d{14}Z/); // GeneralizedTime YYYYMMDDHHMMSSZ inside the TSTInfo
    expect(at).toBeGreaterThan(0);
    bad[at + 3] = bad[at + 3] === 0x39 ? 0x38 : bad[at + 3]! + 1; // another year
    expect(await checkTimeStampResp(bad, { data })).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('reports a rejection status with the TSA’s words', async () => {
    const check = await checkTimeStampResp(file('rejection.tsr'), { data, nonce });
    expect(check).toMatchObject({ ok: false, code: 'rejected', message: expect.stringContaining('rejection') });
  });

  it('refuses bytes that are not an answer at all', async () => {
    expect(await checkTimeStampResp(new TextEncoder().encode('<html>captive portal</html>'), { data })).toMatchObject({ ok: false, code: 'malformed' });
    expect(await checkTimeStampResp(new Uint8Array(), { data })).toMatchObject({ ok: false, code: 'malformed' });
  });
});

describe('our TimeStampReq', () => {
  it('is version 1 with a SHA-256 imprint, our nonce, certReq and no policy', () => {
    const n = newNonce(() => Uint8Array.of(0xf0, 1, 2, 3, 4, 5, 6, 7));
    expect([...n]).toEqual([0, 0xf0, 1, 2, 3, 4, 5, 6, 7]); // positive: a leading zero byte
    const der = timeStampRequest(imprint, n);
    const req = new pkijs.TimeStampReq({ schema: asn1js.fromBER(der.slice().buffer).result });
    expect(req.version).toBe(1);
    expect(req.messageImprint.hashAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    expect([...req.messageImprint.hashedMessage.valueBlock.valueHexView]).toEqual([...imprint]);
    expect([...req.nonce!.valueBlock.valueHexView]).toEqual([...n]);
    expect(req.certReq).toBe(true);
    expect(req.reqPolicy).toBeUndefined();
  });

  it('draws a new nonce each time', () => {
    expect(Buffer.from(newNonce()).toString('hex')).not.toBe(Buffer.from(newNonce()).toString('hex'));
  });
});
