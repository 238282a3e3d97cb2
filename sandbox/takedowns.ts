// POST /v1/takedowns as a function of (state, member, request, now). It mutates
// only the given state object and does no I/O, so the server persists after it
// and tests can drive it with a fixed clock.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { MAX_BATCH, TakedownSubmission, isResolvedStatus } from '../src/shared/api/schemas.ts';
import type { SubmitResponse, SubmitResult } from '../src/shared/api/schemas.ts';
import { slaDueAt, timeZoneFor } from '../src/shared/sla.ts';
import type { MemberConfig } from './demo.ts';
import { apiError, parseJson } from './http-util.ts';
import type { Reply } from './http-util.ts';
import type { State, StoredCase } from './store.ts';

export interface SubmitInput {
  member: MemberConfig;
  idempotencyKey: string | undefined;
  rawBody: Buffer;
  now: Date;
  hasEvidence: (sha256: string) => boolean;
}

// Items are checked one by one below, so that a bad listing rejects only its own request.
const Envelope = z.object({ requests: z.array(z.unknown()).min(1).max(MAX_BATCH) });

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

type Item =
  | { ok: true; sub: TakedownSubmission }
  | { ok: false; clientRequestId: string; issues: z.core.$ZodIssue[] };

const issueList = (issues: z.core.$ZodIssue[], prefix: PropertyKey[] = []) =>
  issues.map((i) => ({ path: [...prefix, ...i.path].map(String).join('.'), code: i.code, message: i.message }));

function parseItems(value: unknown): { ok: true; items: Item[] } | { ok: false; reply: Reply } {
  const env = Envelope.safeParse(value);
  if (!env.success) {
    return { ok: false, reply: apiError(400, 'invalid_request', 'The body is not a valid batch of 1 to 100 requests.', issueList(env.error.issues)) };
  }
  const items: Item[] = [];
  const bad: ReturnType<typeof issueList> = [];
  env.data.requests.forEach((raw, i) => {
    const r = TakedownSubmission.safeParse(raw);
    if (r.success) return void items.push({ ok: true, sub: r.data });
    const crid = z.uuid().safeParse((raw as { clientRequestId?: unknown } | null)?.clientRequestId);
    // Only a listing problem is per-request (invalid_listing); anything else makes the call malformed.
    if (crid.success && r.error.issues.every((x) => x.path[0] === 'listing')) {
      return void items.push({ ok: false, clientRequestId: crid.data, issues: r.error.issues });
    }
    bad.push(...issueList(r.error.issues, ['requests', i]));
  });
  if (bad.length) return { ok: false, reply: apiError(400, 'invalid_request', 'Some requests are malformed.', bad) };
  return { ok: true, items };
}

function nextCaseId(state: State, now: Date): string {
  const year = String(now.getUTCFullYear());
  const seq = (state.seqByYear[year] ?? 0) + 1;
  state.seqByYear[year] = seq;
  return `TD-${year}-${String(seq).padStart(6, '0')}`;
}

const withCase = (crid: string, outcome: 'accepted' | 'duplicate', c: StoredCase): SubmitResult =>
  ({ clientRequestId: crid, outcome, caseId: c.caseId, receivedAt: c.receivedAt, slaDueAt: c.slaDueAt });

const rejected = (crid: string, code: string, message: string, details?: unknown): SubmitResult =>
  ({ clientRequestId: crid, outcome: 'rejected', error: details === undefined ? { code, message } : { code, message, details } });

function submitOne(state: State, item: Item, input: SubmitInput): SubmitResult {
  const { member, now } = input;
  const crid = item.ok ? item.sub.clientRequestId : item.clientRequestId;
  const seenId = state.byClientRequestId[crid];
  const seen = seenId ? state.cases[seenId] : undefined;
  if (seen) {
    if (seen.memberId === member.memberId) return withCase(crid, 'duplicate', seen);
    return rejected(crid, 'invalid_request', 'This clientRequestId is already in use.');
  }
  if (!item.ok) return rejected(crid, 'invalid_listing', 'The listing is incomplete or malformed.', issueList(item.issues));
  const { sub } = item;
  if (!member.ipRights.some((r) => r.id === sub.ipRightId)) {
    return rejected(crid, 'unknown_ip_right', `IP right ${sub.ipRightId} is not one of this member's rights.`);
  }
  const missing = [...new Set(sub.evidence.map((e) => e.sha256))].filter((sha) => !input.hasEvidence(sha));
  if (missing.length) {
    return rejected(crid, 'evidence_missing', `Upload ${missing.length} evidence file(s) first, then send again.`, { missing });
  }
  if (state.unavailableListings.includes(`${sub.marketplace}:${sub.listing.itemId}`)) {
    return rejected(crid, 'listing_unavailable', 'The listing is no longer online.');
  }
  const live = Object.values(state.cases).find((c) => c.memberId === member.memberId
    && c.marketplace === sub.marketplace && c.itemId === sub.listing.itemId && !isResolvedStatus(c.status));
  if (live) {
    // Remember the alias so a retry of this request stays a duplicate even after the case resolves.
    state.byClientRequestId[crid] = live.caseId;
    return withCase(crid, 'duplicate', live);
  }
  const timeZone = timeZoneFor(sub.marketplace, sub.listing.url);
  const receivedAt = now.toISOString();
  const c: StoredCase = {
    caseId: nextCaseId(state, now), clientRequestId: crid, status: 'received',
    receivedAt, slaDueAt: slaDueAt(now, timeZone).toISOString(), updatedAt: receivedAt,
    resolvedAt: null, resolution: null, respondBy: null,
    memberId: member.memberId, marketplace: sub.marketplace, itemId: sub.listing.itemId, timeZone, submission: sub,
  };
  state.cases[c.caseId] = c;
  state.byClientRequestId[crid] = c.caseId;
  return withCase(crid, 'accepted', c);
}

/** The whole call: idempotency first, then validation, then the requests in order. */
export function submitTakedowns(state: State, input: SubmitInput): { reply: Reply; changed: boolean } {
  const key = input.idempotencyKey?.trim();
  if (!key || key.length > 255) {
    return { reply: apiError(400, 'invalid_request', 'The Idempotency-Key header is required (at most 255 characters).'), changed: false };
  }
  const bodyHash = createHash('sha256').update(input.rawBody).digest('hex');
  const recordKey = `${input.member.memberId} ${key}`;
  const earlier = state.idempotency[recordKey];
  if (earlier) {
    if (earlier.bodyHash !== bodyHash) {
      return { reply: apiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different body.'), changed: false };
    }
    return { reply: { status: earlier.status, body: earlier.body, headers: { ...JSON_HEADERS, 'Idempotent-Replayed': 'true' } }, changed: false };
  }
  const parsed = parseJson(input.rawBody);
  if (!parsed.ok) return { reply: apiError(400, 'invalid_request', `The body is not JSON: ${parsed.message}`), changed: false };
  const items = parseItems(parsed.value);
  if (!items.ok) return { reply: items.reply, changed: false };

  const response: SubmitResponse = { results: items.items.map((item) => submitOne(state, item, input)) };
  const body = JSON.stringify(response);
  state.idempotency[recordKey] = { bodyHash, status: 202, body, createdAt: input.now.toISOString() };
  return { reply: { status: 202, body, headers: JSON_HEADERS }, changed: true };
}
