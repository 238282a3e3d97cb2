// createSandbox: a faithful local server of the alliance takedown API
// (shared/spec/alliance-api.md) on node:http, with persistence, a simulated
// reviewer and, for tests, fault injection. The routes live in routes-*.ts.
import fs from 'node:fs';
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Marketplace } from '../src/shared/api/schemas.ts';
import { applyStatus, toWire } from './cases.ts';
import type { StatusExtra } from './cases.ts';
import { demoTokens } from './demo.ts';
import type { MemberConfig } from './demo.ts';
import { FaultController, faultReply } from './faults.ts';
import type { Fault } from './faults.ts';
import { apiError, headerValue, notFound, preflight, readBody, send } from './http-util.ts';
import type { Reply } from './http-util.ts';
import { RateLimiter } from './rate-limit.ts';
import { reviewerTick } from './reviewer.ts';
import type { Random } from './reviewer.ts';
import { handleControl } from './routes-control.ts';
import { openApiDocument } from '../src/shared/api/openapi.ts';
import pkg from '../package.json' with { type: 'json' };
import type { CallRecord } from './routes-control.ts';
import { handleV1, okStatusFor } from './routes-v1.ts';
import { Store } from './store.ts';
import { sandboxTsa, TSA_PATH, TSA_QUERY_TYPE, TSA_REPLY_TYPE } from './tsa.ts';
import type { CaseWire, StoredCase, StoredEvidence } from './store.ts';

export type { CallRecord } from './routes-control.ts';
export type { Fault, FaultInput } from './faults.ts';

export interface SandboxOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where state and evidence live; a fresh temp dir when absent. */
  dataDir?: string;
  /** Token → member. Defaults to the demo members of demo.ts. */
  tokens?: Record<string, MemberConfig>;
  /** Reviewer tick interval; 0 or absent turns the reviewer off. */
  reviewerPaceMs?: number;
  /** Mounts /__sandbox/ and enables fault injection. */
  testControls?: boolean;
  rateLimitPerSecond?: number;
  now?: () => Date;
  /** The reviewer's random source (default Math.random). */
  random?: Random;
  /** One log line per call on stdout. */
  log?: boolean;
}

export interface Sandbox {
  url: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
  calls: CallRecord[];
  faults: FaultController;
  /** The sandbox's timestamp authority: POST ${url}/tsa; its root certificate file. */
  tsaUrl: string;
  tsaRootPath(): Promise<string>;
  listCases(): StoredCase[];
  getCase(caseId: string): StoredCase | undefined;
  setCaseStatus(caseId: string, status: string, extra?: StatusExtra): CaseWire | undefined;
  evidence(sha256: string): (StoredEvidence & { data: Buffer }) | undefined;
  /** Runs one reviewer step now (also when the timer is off); returns the ids that moved. */
  reviewerTick(): string[];
  /** Makes later submissions of this listing answer listing_unavailable. */
  markListingUnavailable(marketplace: Marketplace, itemId: string): void;
  /** The service loses a stored evidence file: later HEADs answer 404 and submissions naming it evidence_missing. */
  loseEvidence(sha256: string): boolean;
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? (() => new Date());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-'));
  const store = new Store(dataDir);
  const tokens = options.tokens ?? demoTokens();
  const limiter = new RateLimiter(options.rateLimitPerSecond ?? 20);
  const faults = new FaultController();
  const calls: CallRecord[] = [];
  const random = options.random ?? Math.random;
  const testControls = options.testControls ?? false;
  const persist = () => store.save();
  const sockets = new Set<Socket>();
  const tsa = sandboxTsa(dataDir);

  async function tsaReply(req: IncomingMessage): Promise<Reply> {
    const type = headerValue(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    if (req.method !== 'POST' || type !== TSA_QUERY_TYPE) {
      return { status: 400, body: 'POST an RFC 3161 TimeStampReq as application/timestamp-query.\n', headers: { 'Content-Type': 'text/plain' }, noCors: true };
    }
    const body = await readBody(req, 64 * 1024);
    const answer = body.ok ? await tsa.reply(body.bytes) : null;
    if (!answer) return { status: 400, body: 'Not a TimeStampReq.\n', headers: { 'Content-Type': 'text/plain' }, noCors: true };
    return { status: 200, body: answer, headers: { 'Content-Type': TSA_REPLY_TYPE }, noCors: true };
  }

  const sandboxApi = {
    listCases: () => Object.values(store.state.cases),
    getCase: (id: string) => store.state.cases[id],
    setCaseStatus(caseId: string, status: string, extra?: StatusExtra) {
      const c = store.state.cases[caseId];
      if (!c) return undefined;
      applyStatus(c, status, now(), extra);
      persist();
      return toWire(c);
    },
    reviewerTick() {
      const r = reviewerTick(store.state, now(), random);
      if (r.touched) persist();
      return r.changed;
    },
    markListingUnavailable(marketplace: Marketplace, itemId: string) {
      const key = `${marketplace}:${itemId}`;
      if (!store.state.unavailableListings.includes(key)) store.state.unavailableListings.push(key);
      persist();
    },
    loseEvidence: (sha256: string) => store.deleteEvidence(sha256),
  };

  function record(req: IncomingMessage, url: URL, status: number, fault?: Fault): void {
    const call: CallRecord = { method: req.method ?? 'GET', path: url.pathname, status, at: now().toISOString() };
    if (url.search) call.query = url.search.slice(1);
    const key = headerValue(req, 'idempotency-key');
    if (key) call.idempotencyKey = key;
    if (fault) call.fault = fault.kind;
    calls.push(call);
    if (options.log) console.log(`${call.at} ${call.method} ${url.pathname}${url.search} → ${status || fault?.kind}`);
  }

  /** Applies a transport fault (no answer); false when the fault answers normally. */
  function dropAnswer(fault: Fault, req: IncomingMessage): boolean {
    if (fault.kind === 'reset') { req.socket.destroy(); return true; }
    // A hang keeps the socket open until close() destroys it.
    return fault.kind === 'hang';
  }

  async function dispatch(req: IncomingMessage, url: URL): Promise<{ reply: Reply | null; fault?: Fault }> {
    const method = req.method ?? 'GET';
    // Public TSAs answer no CORS preflight: neither does ours.
    if (url.pathname === TSA_PATH) {
      const fault = testControls ? faults.take(method, url.pathname, true) : null;
      if (fault && dropAnswer(fault, req)) return { reply: null, fault };
      if (fault) return { reply: { ...faultReply(fault, 200), noCors: true }, fault };
      return { reply: await tsaReply(req) };
    }
    if (method === 'OPTIONS') return { reply: preflight(req) };
    if (url.pathname === '/__sandbox' || url.pathname.startsWith('/__sandbox/')) {
      return { reply: testControls ? await handleControl(req, url, { ...sandboxApi, faults, calls }) : notFound() };
    }
    // The contract, generated from the same schemas the handlers check bodies with.
    if (method === 'GET' && url.pathname === '/openapi.json') return { reply: { status: 200, body: openApiDocument(pkg.version) } };
    if (!url.pathname.startsWith('/v1/')) return { reply: notFound() };
    const fault = testControls ? faults.take(method, url.pathname) : null;
    if (fault && fault.when !== 'after') {
      if (dropAnswer(fault, req)) return { reply: null, fault };
      return { reply: faultReply(fault, okStatusFor(method, url.pathname)), fault };
    }
    const reply = await handleV1(req, url, { store, tokens, limiter, now, persist });
    if (!fault) return { reply };
    // when: 'after': the call took effect; only its answer is lost or replaced.
    if (dropAnswer(fault, req)) return { reply: null, fault };
    return { reply: faultReply(fault, okStatusFor(method, url.pathname)), fault };
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    dispatch(req, url)
      .catch((e: unknown): { reply: Reply; fault?: Fault } => {
        console.error('sandbox: handler failed', e);
        return { reply: apiError(500, 'internal', 'The sandbox failed; see its log.') };
      })
      .then(({ reply, fault }) => {
        if (!reply) return record(req, url, 0, fault);
        if (req.method !== 'OPTIONS' && !url.pathname.startsWith('/__sandbox')) record(req, url, reply.status, fault);
        send(res, reply, req.method === 'HEAD');
        req.resume(); // drain a body the handler did not need (401, 404, faults)
      });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  const pace = options.reviewerPaceMs ?? 0;
  const timer = pace > 0 ? setInterval(() => sandboxApi.reviewerTick(), pace) : null;
  timer?.unref();

  return {
    url: `http://${urlHost}:${port}`,
    port,
    dataDir,
    calls,
    faults,
    tsaUrl: `http://${urlHost}:${port}${TSA_PATH}`,
    tsaRootPath: () => tsa.rootPath(),
    ...sandboxApi,
    evidence(sha256) {
      const info = store.evidenceInfo(sha256);
      const data = info && store.evidenceBytes(sha256);
      return info && data ? { ...info, data } : undefined;
    },
    close() {
      if (timer) clearInterval(timer);
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging calls and idle keep-alive sockets would otherwise hold close() open.
        for (const s of sockets) s.destroy();
      });
    },
  };
}
