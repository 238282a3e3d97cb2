// The popup's groups and their order, as one IndexedDB key per request (`listOrder`, index
// `byListOrder`): the popup's first read takes the first screen's rows off that index in
// display order, instead of deserialising whole groups of records to sort them (issue #10).
// The popup sorts with groups.ts; both take the group and the sort times from here, and
// list-order.test.ts holds the key's order to groups.ts's on thousands of records.
import type { TakedownRecord } from './model.ts';
import { displayState } from './display-state.ts';
// Not sla-view.ts (isClosed): this module is on the database's upgrade path, which the popup
// loads before anything else; sla.ts and its time zones wait for the rows.
import { isResolvedStatus } from './api/statuses.ts';

export const GROUPS = ['needs_you', 'queued', 'open', 'resolved'] as const;
export type GroupId = (typeof GROUPS)[number];

const WAITS_ON_MEMBER = new Set(['needs_info', 'counter_notice']);

export function groupOf(r: TakedownRecord, paused: boolean): GroupId {
  const state = displayState(r, paused);
  if (state === 'attention' || WAITS_ON_MEMBER.has(state)) return 'needs_you';
  if (r.caseStatus !== null && isResolvedStatus(r.caseStatus)) return 'resolved';
  if (r.caseId === null && r.outbox.state !== 'submitted') return 'queued';
  return 'open';
}

const time = (iso: string | null, missing: number) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? missing : t;
};

/** Among what needs the user, without a deadline: our own refusals first, then the alliance's questions. */
export const urgency = (r: TakedownRecord) => (r.caseStatus === null ? 0 : r.caseStatus === 'needs_info' ? 1 : 2);

/** The time a record sorts by within its group. */
export function sortTime(group: GroupId, r: TakedownRecord): number {
  if (group === 'needs_you') return time(r.respondBy, Infinity);
  if (group === 'open') return time(r.slaDueAt, Infinity);
  if (group === 'resolved') return time(r.resolvedAt ?? r.updatedAt, 0);
  return 0;
}

/** A valid IndexedDB key (no NaN; Infinity is one): the group's rank first, then its sort order. */
export type ListOrder = [number, ...(number | string)[]];

/**
 * Where a request sorts in the popup while the queue is not paused (a pause moves every
 * unsent request into "needs you": the popup's first read then takes the groups whole).
 * Kept by every write of a request (putRequest in db/request-put.ts) and by upgrade step 5.
 */
export function listOrder(r: TakedownRecord): ListOrder {
  const group = groupOf(r, false);
  const rank = GROUPS.indexOf(group);
  const t = sortTime(group, r);
  if (group === 'needs_you') return [rank, t, urgency(r), r.flaggedAt, r.clientRequestId];
  if (group === 'queued') return [rank, r.flaggedAt, r.clientRequestId];
  // Newest resolved first: the negated time ascends as the time descends (0 for none, as sorted).
  if (group === 'resolved') return [rank, t === 0 ? 0 : -t, r.clientRequestId];
  return [rank, t, r.clientRequestId];
}
