// The /v1 API of shared/spec/alliance-api.md: auth, rate limit, then the routes.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { MAX_EVIDENCE_BYTES, MAX_JSON_BYTES, Sha256Hex } from '../src/shared/api/schemas.ts';
import type { Me } from '../src/shared/api/schemas.ts';
import { queryCases, withdrawCase } from './cases.ts';
import type { MemberConfig } from './demo.ts';
import { apiError, bearerToken, headerValue, json, notFound, readBody } from './http-util.ts';
import type { Reply } from './http-util.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { Store } from './store.ts';
import { submitTakedowns } from './takedowns.ts';
import { respondToCase } from './responses.ts';

export interface V1Deps {
  store: Store;
  tokens: Record<string, MemberConfig>;
  limiter: RateLimiter;
  now: () => Date;
  /** Called after every state change; writes the state file. */
  persist: () => void;
}

const EVIDENCE_PATH = /^\/v1\/evidence\/([^/]*)$/;
const WITHDRAW_PATH = /^\/v1\/takedowns\/([^/]+)\/withdraw$/;
const RESPONSES_PATH = /^\/v1\/takedowns\/([^/]+)\/responses$/;

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

const tooLarge = (limit: number) =>
  apiError(413, 'payload_too_large', `The body is over the limit of ${limit} bytes.`, { limit });

/** The success status of a route, for faults that fake a success ("wrong shape"). */
export function okStatusFor(method: string, path: string): number {
  return method === 'POST' && (path === '/v1/takedowns' || RESPONSES_PATH.test(path)) ? 202 : 200;
}

async function evidence(req: IncomingMessage, sha: string, deps: V1Deps): Promise<Reply> {
  if (!Sha256Hex.safeParse(sha).success) {
    return apiError(400, 'invalid_request', 'The evidence path must be a lower-case hex SHA-256.');
  }
  const { store } = deps;
  if (req.method === 'HEAD') {
    const info = store.evidenceInfo(sha);
    return info ? json(200, { sha256: sha, bytes: info.bytes, receivedAt: info.receivedAt }) : { status: 404 };
  }
  const body = await readBody(req, MAX_EVIDENCE_BYTES);
  if (!body.ok) return tooLarge(MAX_EVIDENCE_BYTES);
  const actual = createHash('sha256').update(body.bytes).digest('hex');
  if (actual !== sha) {
    return apiError(400, 'hash_mismatch', 'The SHA-256 of the body differs from the path.', { expected: sha, actual });
  }
  const mediaType = headerValue(req, 'content-type') ?? 'application/octet-stream';
  const { info, created } = store.putEvidence(sha, body.bytes, mediaType, deps.now());
  return json(created ? 201 : 200, { sha256: sha, bytes: info.bytes, receivedAt: info.receivedAt });
}

async function routes(req: IncomingMessage, url: URL, member: MemberConfig, deps: V1Deps): Promise<Reply> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const { state } = deps.store;

  if (path === '/v1/me' && (method === 'GET' || method === 'HEAD')) {
    const me: Me = { member: { id: member.memberId, name: member.memberName }, ipRights: member.ipRights };
    return json(200, me);
  }
  const ev = EVIDENCE_PATH.exec(path);
  if (ev && (method === 'HEAD' || method === 'PUT')) return evidence(req, ev[1]!, deps);

  if (path === '/v1/takedowns' && method === 'GET') return queryCases(state, member.memberId, url.searchParams);
  if (path === '/v1/takedowns' && method === 'POST') {
    const body = await readBody(req, MAX_JSON_BYTES);
    if (!body.ok) return tooLarge(MAX_JSON_BYTES);
    const now = deps.now();
    const r = submitTakedowns(state, {
      member, now, rawBody: body.bytes,
      idempotencyKey: headerValue(req, 'idempotency-key'),
      hasEvidence: (sha) => deps.store.hasEvidence(sha),
    });
    if (r.changed) deps.persist();
    return r.reply;
  }
  const wd = WITHDRAW_PATH.exec(path);
  if (wd && method === 'POST') {
    const body = await readBody(req, MAX_JSON_BYTES); // ignored, but read so the socket stays usable
    if (!body.ok) return tooLarge(MAX_JSON_BYTES);
    const r = withdrawCase(state, member.memberId, safeDecode(wd[1]!), deps.now());
    if (r.changed) deps.persist();
    return r.reply;
  }
  const rs = RESPONSES_PATH.exec(path);
  if (rs && method === 'POST') {
    const body = await readBody(req, MAX_JSON_BYTES);
    if (!body.ok) return tooLarge(MAX_JSON_BYTES);
    const r = respondToCase(state, {
      member, caseId: safeDecode(rs[1]!), now: deps.now(), rawBody: body.bytes,
      idempotencyKey: headerValue(req, 'idempotency-key'),
      hasEvidence: (sha) => deps.store.hasEvidence(sha),
    });
    if (r.changed) deps.persist();
    return r.reply;
  }
  return notFound();
}

export async function handleV1(req: IncomingMessage, url: URL, deps: V1Deps): Promise<Reply> {
  const token = bearerToken(req);
  const member = token ? deps.tokens[token] : undefined;
  if (!token || !member) {
    return apiError(401, 'unauthorized', 'A valid Bearer token is required.', undefined, { 'WWW-Authenticate': 'Bearer' });
  }
  if (!deps.limiter.allow(token)) {
    return apiError(429, 'rate_limited', 'Too many calls; slow down.', undefined, { 'Retry-After': '1' });
  }
  return routes(req, url, member, deps);
}
