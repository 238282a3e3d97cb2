// Shared helpers for the sandbox's own tests: a real server on a random
// loopback port, a temp data dir, and a clock the test moves by hand.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TakedownSubmission } from '../src/shared/api/schemas.ts';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from './demo.ts';
import { createSandbox } from './server.ts';
import type { Sandbox, SandboxOptions } from './server.ts';

/** Tuesday 10:00 in Shanghai. */
export const T0 = '2026-11-24T02:00:00.000Z';

export class Clock {
  t: number;
  constructor(iso = T0) { this.t = Date.parse(iso); }
  now = (): Date => new Date(this.t);
  advance(ms: number): void { this.t += ms; }
  set(iso: string): void { this.t = Date.parse(iso); }
}

export interface Kit {
  sb: Sandbox;
  clock: Clock;
  dataDir: string;
  call(p: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  submit(body: unknown, key?: string, token?: string): Promise<Response>;
  upload(content: string | Buffer, mediaType?: string): Promise<string>;
  restart(extra?: SandboxOptions): Promise<void>;
  done(): Promise<void>;
}

export async function startKit(options: SandboxOptions = {}): Promise<Kit> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-test-'));
  const clock = new Clock();
  const make = (extra: SandboxOptions = {}) =>
    createSandbox({ dataDir, now: clock.now, testControls: true, ...options, ...extra });
  const kit: Kit = {
    sb: await make(),
    clock,
    dataDir,
    call(p, init = {}) {
      const { token = DEMO_TOKEN, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      return fetch(kit.sb.url + p, { ...rest, headers });
    },
    submit(body, key = randomUUID(), token = DEMO_TOKEN) {
      return kit.call('/v1/takedowns', {
        method: 'POST', token, body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      });
    },
    async upload(content, mediaType = 'image/png') {
      const bytes = Buffer.from(content);
      const sha = sha256(bytes);
      const r = await kit.call(`/v1/evidence/${sha}`, { method: 'PUT', body: bytes, headers: { 'Content-Type': mediaType } });
      if (r.status !== 201 && r.status !== 200) throw new Error(`upload failed: ${r.status}`);
      return sha;
    },
    async restart(extra) {
      await kit.sb.close();
      kit.sb = await make(extra);
    },
    async done() {
      await kit.sb.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return kit;
}

export const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

let itemSeq = 600000000000;

/** A valid submission for the demo member, with no evidence unless given. */
export function submission(over: Partial<TakedownSubmission> = {}): TakedownSubmission {
  const itemId = String(++itemSeq);
  return {
    clientRequestId: randomUUID(),
    marketplace: 'tmall',
    listing: {
      url: `https://detail.tmall.com/item.htm?id=${itemId}`,
      itemId,
      skuId: null,
      title: 'DemoBrand leather tote, 2026 edition',
      price: { amount: '199.00', currency: 'CNY' },
      imageUrls: ['https://img.alicdn.com/demo.jpg'],
      seller: { name: 'Cheap Bags Shop', id: '2200000001', shopUrl: 'https://cheapbags.tmall.com/' },
    },
    ipRightId: DEMO_TRADEMARK_ID,
    reason: 'counterfeit',
    note: 'Logo copied.',
    evidence: [],
    flaggedAt: '2026-11-24T01:59:57.000Z',
    ...over,
  };
}
