// Reading and changing cases: GET /v1/takedowns, withdraw, and the status
// changes the reviewer and the test controls make. Pure over (state, now).
import { z } from 'zod';
import { Timestamp, isResolvedStatus } from '../src/shared/api/schemas.ts';
import type { Resolution } from '../src/shared/api/schemas.ts';
import { addBusinessTime } from '../src/shared/sla.ts';
import { apiError, json, notFound } from './http-util.ts';
import type { Reply } from './http-util.ts';
import type { CaseWire, State, StoredCase } from './store.ts';

export const COUNTER_NOTICE_MS = 72 * 3600 * 1000; // "three business days"

export function toWire(c: StoredCase): CaseWire {
  return {
    caseId: c.caseId, clientRequestId: c.clientRequestId, status: c.status,
    receivedAt: c.receivedAt, slaDueAt: c.slaDueAt, updatedAt: c.updatedAt,
    resolvedAt: c.resolvedAt, resolution: c.resolution, respondBy: c.respondBy,
  };
}

const MAX_IDS = 100;
const Limit = z.coerce.number().int().min(1).max(500);
// The cursor is opaque to clients; inside it is the sort key of the last case sent.
const Cursor = z.object({ u: z.number(), c: z.string() });

const encodeCursor = (c: StoredCase) =>
  Buffer.from(JSON.stringify({ u: Date.parse(c.updatedAt), c: c.caseId })).toString('base64url');

function decodeCursor(s: string): z.infer<typeof Cursor> | null {
  try {
    const r = Cursor.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

const bad = (message: string) => apiError(400, 'invalid_request', message);

/** Sort key order: updatedAt, then caseId. */
const after = (c: StoredCase, u: number, id: string) => {
  const cu = Date.parse(c.updatedAt);
  return cu > u || (cu === u && c.caseId > id);
};

export function queryCases(state: State, memberId: string, params: URLSearchParams): Reply {
  const mine = Object.values(state.cases).filter((c) => c.memberId === memberId);
  const caseIds = params.get('caseIds');
  const updatedSince = params.get('updatedSince');
  if (caseIds !== null) {
    if (updatedSince !== null || params.has('cursor')) return bad('Use either caseIds or updatedSince, not both.');
    const ids = caseIds.split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0 || ids.length > MAX_IDS) return bad(`caseIds takes 1 to ${MAX_IDS} ids.`);
    const byId = new Map(mine.map((c) => [c.caseId, c]));
    // Unknown ids and other members' cases are simply absent.
    const cases = [...new Set(ids)].flatMap((id) => { const c = byId.get(id); return c ? [toWire(c)] : []; });
    return json(200, { cases, nextCursor: null });
  }
  if (updatedSince === null) return bad('Give caseIds or updatedSince.');
  if (!Timestamp.safeParse(updatedSince).success) return bad('updatedSince must be an RFC 3339 UTC time.');
  const limit = Limit.safeParse(params.get('limit') ?? 100);
  if (!limit.success) return bad('limit must be an integer from 1 to 500.');
  const cursorText = params.get('cursor');
  const cursor = cursorText ? decodeCursor(cursorText) : null;
  if (cursorText && !cursor) return bad('Unknown cursor.');
  const since = Date.parse(updatedSince);
  const sorted = mine
    .filter((c) => Date.parse(c.updatedAt) > since && (!cursor || after(c, cursor.u, cursor.c)))
    .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const page = sorted.slice(0, limit.data);
  const last = page[page.length - 1];
  const nextCursor = sorted.length > page.length && last ? encodeCursor(last) : null;
  return json(200, { cases: page.map(toWire), nextCursor });
}

export interface StatusExtra { resolution?: Resolution | null; respondBy?: string | null }

const DEFAULT_RESOLUTIONS: Record<string, Resolution> = {
  taken_down: { code: 'taken_down', message: 'The marketplace removed the listing.' },
  rejected: { code: 'insufficient_evidence', message: 'The evidence does not show an infringement of the right named.' },
  needs_info: { code: 'needs_info', message: 'Please send the registration certificate of the right named and a photo of a genuine product.' },
  withdrawn: { code: 'withdrawn', message: 'Withdrawn by the member.' },
  counter_notice: { code: 'counter_notice', message: 'The seller filed a counter-notice claiming the goods are genuine.' },
  reinstated: { code: 'reinstated', message: 'The listing was reinstated after the counter-notice.' },
};

/** Moves a case to `status`, keeping resolvedAt/respondBy consistent with it. */
export function applyStatus(c: StoredCase, status: string, now: Date, extra: StatusExtra = {}): void {
  const at = now.toISOString();
  c.status = status;
  c.updatedAt = at;
  c.resolvedAt = isResolvedStatus(status) ? at : null;
  c.resolution = extra.resolution !== undefined ? extra.resolution : DEFAULT_RESOLUTIONS[status] ?? null;
  c.respondBy = extra.respondBy !== undefined ? extra.respondBy
    : status === 'counter_notice' ? addBusinessTime(now, COUNTER_NOTICE_MS, c.timeZone).toISOString() : null;
}

export function withdrawCase(state: State, memberId: string, caseId: string, now: Date): { reply: Reply; changed: boolean } {
  const c = state.cases[caseId];
  if (!c || c.memberId !== memberId) return { reply: notFound(`No case ${caseId}.`), changed: false };
  if (isResolvedStatus(c.status)) {
    return { reply: apiError(409, 'conflict', `Case ${caseId} is already resolved (${c.status}).`, { status: c.status }), changed: false };
  }
  applyStatus(c, 'withdrawn', now);
  return { reply: json(200, toWire(c)), changed: true };
}
