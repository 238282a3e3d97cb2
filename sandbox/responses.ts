// POST /v1/takedowns/{caseId}/responses as a function of (state, member, request, now):
// the member's answer to a case waiting on it. Pure over the state object, like takedowns.ts.
import { createHash } from 'node:crypto';
import { ResponseBody } from '../src/shared/api/schemas.ts';
import { applyStatus, toWire } from './cases.ts';
import type { MemberConfig } from './demo.ts';
import { apiError, notFound, parseJson } from './http-util.ts';
import type { Reply } from './http-util.ts';
import type { State } from './store.ts';

export interface RespondInput {
  member: MemberConfig;
  caseId: string;
  idempotencyKey: string | undefined;
  rawBody: Buffer;
  now: Date;
  hasEvidence: (sha256: string) => boolean;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
const WAITING = new Set(['needs_info', 'counter_notice']);

/** Idempotency first (same rules as POST /v1/takedowns), then the case, then the answer. */
export function respondToCase(state: State, input: RespondInput): { reply: Reply; changed: boolean } {
  const key = input.idempotencyKey?.trim();
  if (!key || key.length > 255) {
    return { reply: apiError(400, 'invalid_request', 'The Idempotency-Key header is required (at most 255 characters).'), changed: false };
  }
  const bodyHash = createHash('sha256').update(input.rawBody).digest('hex');
  // Scoped to the route and case: a key reused on another call is a different call.
  const recordKey = `${input.member.memberId} responses:${input.caseId} ${key}`;
  const earlier = state.idempotency[recordKey];
  if (earlier) {
    if (earlier.bodyHash !== bodyHash) {
      return { reply: apiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different body.'), changed: false };
    }
    return { reply: { status: earlier.status, body: earlier.body, headers: { ...JSON_HEADERS, 'Idempotent-Replayed': 'true' } }, changed: false };
  }
  const c = state.cases[input.caseId];
  if (!c || c.memberId !== input.member.memberId) return { reply: notFound(`No case ${input.caseId}.`), changed: false };
  const parsed = parseJson(input.rawBody);
  if (!parsed.ok) return { reply: apiError(400, 'invalid_request', `The body is not JSON: ${parsed.message}`), changed: false };
  const body = ResponseBody.safeParse(parsed.value);
  if (!body.success) {
    const issues = body.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
    return { reply: apiError(400, 'invalid_request', 'The answer is malformed.', issues), changed: false };
  }
  const answer = body.data;
  c.responses ??= [];
  const seen = c.responses.find((r) => r.responseId === answer.responseId);
  // The same answer under a new key (a client that lost its key): recorded once, the case as it is.
  if (seen) return { reply: { status: 202, body: JSON.stringify(toWire(c)), headers: JSON_HEADERS }, changed: false };
  const late = c.status === 'counter_notice' && c.respondBy !== null && Date.parse(c.respondBy) <= input.now.getTime();
  if (!WAITING.has(c.status) || late) {
    const why = late ? `The time to answer case ${c.caseId} ended at ${c.respondBy}.` : `Case ${c.caseId} waits on no answer (status ${c.status}).`;
    return { reply: apiError(409, 'not_waiting', why, { status: c.status }), changed: false };
  }
  const missing = [...new Set(answer.evidence.map((e) => e.sha256))].filter((sha) => !input.hasEvidence(sha));
  if (missing.length) {
    return { reply: apiError(409, 'evidence_missing', `Upload ${missing.length} evidence file(s) first, then send again.`, { missing }), changed: false };
  }
  c.responses.push({ ...answer, receivedAt: input.now.toISOString(), answeredStatus: c.status });
  applyStatus(c, 'in_review', input.now);
  const text = JSON.stringify(toWire(c));
  state.idempotency[recordKey] = { bodyHash, status: 202, body: text, createdAt: input.now.toISOString() };
  return { reply: { status: 202, body: text, headers: JSON_HEADERS }, changed: true };
}
