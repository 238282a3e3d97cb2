import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ApiErrorBody, EvidenceStored } from '../src/shared/api/schemas.ts';
import { sha256, startKit } from './server.test-kit.ts';
import type { Kit } from './server.test-kit.ts';

let kit: Kit;
beforeEach(async () => { kit = await startKit(); });
afterEach(async () => { await kit.done(); });

const png = Buffer.from('\x89PNG fake screenshot bytes', 'binary');
const put = (sha: string, body: Buffer, type = 'image/png') =>
  kit.call(`/v1/evidence/${sha}`, { method: 'PUT', body: new Uint8Array(body), headers: { 'Content-Type': type } });

it('HEAD 404 → PUT 201 → HEAD 200 → PUT 200, content-addressed', async () => {
  const sha = sha256(png);
  expect((await kit.call(`/v1/evidence/${sha}`, { method: 'HEAD' })).status).toBe(404);

  const first = await put(sha, png);
  expect(first.status).toBe(201);
  const stored = EvidenceStored.parse(await first.json());
  expect(stored).toEqual({ sha256: sha, bytes: png.length, receivedAt: '2026-11-24T02:00:00.000Z' });

  expect((await kit.call(`/v1/evidence/${sha}`, { method: 'HEAD' })).status).toBe(200);

  kit.clock.advance(60_000);
  const again = await put(sha, png);
  expect(again.status).toBe(200);
  // The first receipt stands: uploading again changes nothing.
  expect(EvidenceStored.parse(await again.json())).toEqual(stored);

  const held = kit.sb.evidence(sha);
  expect(held?.data.equals(png)).toBe(true);
  expect(held?.mediaType).toBe('image/png');
  expect(fs.existsSync(path.join(kit.dataDir, 'evidence', sha))).toBe(true);
});

it('answers 400 hash_mismatch when the bytes do not hash to the path, and stores nothing', async () => {
  const sha = sha256('something else');
  const r = await put(sha, png);
  expect(r.status).toBe(400);
  expect(ApiErrorBody.parse(await r.json()).error.code).toBe('hash_mismatch');
  expect((await kit.call(`/v1/evidence/${sha}`, { method: 'HEAD' })).status).toBe(404);
});

it('answers 400 invalid_request for a path that is not a lower-case SHA-256', async () => {
  for (const bad of ['abc', sha256(png).toUpperCase(), `${sha256(png)}0`]) {
    const r = await put(bad, png);
    expect(r.status).toBe(400);
    expect(ApiErrorBody.parse(await r.json()).error.code).toBe('invalid_request');
  }
});

it('answers 413 for evidence over 25 MiB', async () => {
  const big = Buffer.alloc(25 * 1024 * 1024 + 1);
  const r = await put(sha256(big), big, 'multipart/related');
  expect(r.status).toBe(413);
  expect(ApiErrorBody.parse(await r.json()).error.code).toBe('payload_too_large');
});
