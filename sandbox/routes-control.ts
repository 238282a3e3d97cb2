// /__sandbox/…: the test controls over HTTP, for end-to-end tests that run the
// sandbox in another process. Only mounted with `testControls: true`; no auth.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { Marketplace, Resolution, Timestamp } from '../src/shared/api/schemas.ts';
import type { StatusExtra } from './cases.ts';
import { Fault, RandomFaults } from './faults.ts';
import type { FaultController } from './faults.ts';
import { apiError, json, notFound, parseJson, readBody } from './http-util.ts';
import type { Reply } from './http-util.ts';
import type { CaseWire, StoredCase } from './store.ts';

export interface CallRecord {
  method: string;
  path: string;
  query?: string;
  status: number;
  idempotencyKey?: string;
  /** Set when an injected fault decided the answer (status 0: no answer at all). */
  fault?: string;
  at: string;
}

export interface ControlDeps {
  faults: FaultController;
  calls: CallRecord[];
  listCases: () => StoredCase[];
  setCaseStatus: (caseId: string, status: string, extra?: StatusExtra) => CaseWire | undefined;
  reviewerTick: () => string[];
  markListingUnavailable: (marketplace: Marketplace, itemId: string) => void;
  loseEvidence: (sha256: string) => boolean;
}

const FaultsBody = z.union([
  z.object({ faults: z.array(Fault) }),
  z.object({ random: RandomFaults.nullable() }),
  Fault,
]);
const StatusBody = z.object({
  status: z.string().min(1),
  resolution: Resolution.nullable().optional(),
  respondBy: Timestamp.nullable().optional(),
});
const UnavailableBody = z.object({ marketplace: Marketplace, itemId: z.string().min(1) });
const STATUS_PATH = /^\/__sandbox\/cases\/([^/]+)\/status$/;
const EVIDENCE_PATH = /^\/__sandbox\/evidence\/([0-9a-f]{64})$/;

async function jsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; reply: Reply }> {
  const body = await readBody(req, 1024 * 1024);
  const parsed = body.ok ? parseJson(body.bytes) : { ok: false as const, message: 'too large' };
  const r = parsed.ok ? schema.safeParse(parsed.value) : null;
  if (!r?.success) return { ok: false, reply: apiError(400, 'invalid_request', 'Bad control body.', r?.error.issues) };
  return { ok: true, value: r.data };
}

export async function handleControl(req: IncomingMessage, url: URL, deps: ControlDeps): Promise<Reply> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (path === '/__sandbox/faults' && method === 'POST') {
    const b = await jsonBody(req, FaultsBody);
    if (!b.ok) return b.reply;
    if ('faults' in b.value) b.value.faults.forEach((f) => deps.faults.push(f));
    else if ('random' in b.value) deps.faults.setRandom(b.value.random);
    else deps.faults.push(b.value);
    return json(200, { pending: deps.faults.pending() });
  }
  if (path === '/__sandbox/faults' && method === 'DELETE') {
    deps.faults.clear();
    return json(200, { pending: [] });
  }
  if (path === '/__sandbox/calls' && method === 'GET') return json(200, { calls: deps.calls });
  if (path === '/__sandbox/calls' && method === 'DELETE') {
    deps.calls.length = 0;
    return json(200, { calls: [] });
  }
  if (path === '/__sandbox/cases' && method === 'GET') return json(200, { cases: deps.listCases() });
  const st = STATUS_PATH.exec(path);
  if (st && method === 'POST') {
    const b = await jsonBody(req, StatusBody);
    if (!b.ok) return b.reply;
    const { status, ...extra } = b.value;
    const c = deps.setCaseStatus(decodeURIComponent(st[1]!), status, extra);
    return c ? json(200, c) : notFound('No such case.');
  }
  const ev = EVIDENCE_PATH.exec(path);
  if (ev && method === 'DELETE') return deps.loseEvidence(ev[1]!) ? json(200, { sha256: ev[1] }) : notFound('No such evidence.');
  if (path === '/__sandbox/reviewer/tick' && method === 'POST') return json(200, { changed: deps.reviewerTick() });
  if (path === '/__sandbox/listings/unavailable' && method === 'POST') {
    const b = await jsonBody(req, UnavailableBody);
    if (!b.ok) return b.reply;
    deps.markListingUnavailable(b.value.marketplace, b.value.itemId);
    return json(200, b.value);
  }
  return notFound();
}
