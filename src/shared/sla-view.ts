// What the popup's SLA countdown shows for a request at `now`. Pure: the clock is passed in,
// so it is tested with a fixed one.
import type { TakedownRecord } from './model.ts';
import { isResolvedStatus } from './api/schemas.ts';
import { SLA_MS, businessMsBetween, timeZoneFor } from './sla.ts';

export type SlaTone = 'normal' | 'amber' | 'red';

export type SlaView =
  | { kind: 'not_started' }
  | { kind: 'running'; msLeft: number; tone: 'normal' | 'amber' }
  | { kind: 'overdue'; msOver: number; tone: 'red' }
  | { kind: 'closed' };

type SlaFields = Pick<TakedownRecord, 'caseStatus' | 'slaDueAt' | 'listing'>;

/** A case the service has resolved: the final state is shown instead of a clock. */
export function isClosed(r: Pick<TakedownRecord, 'caseStatus'>): boolean {
  return r.caseStatus !== null && isResolvedStatus(r.caseStatus);
}

function dueTime(r: Pick<TakedownRecord, 'slaDueAt'>): number | null {
  if (!r.slaDueAt) return null;
  const t = Date.parse(r.slaDueAt);
  return Number.isNaN(t) ? null : t;
}

export function slaView(r: SlaFields, now: Date): SlaView {
  if (isClosed(r)) return { kind: 'closed' };
  const due = dueTime(r);
  if (due === null) return { kind: 'not_started' };
  const msLeft = due - now.getTime();
  if (msLeft <= 0) return { kind: 'overdue', msOver: now.getTime() - due, tone: 'red' };
  // The service level counts business time, so "last quarter" does too: on a Friday evening
  // with a Monday deadline the clock is not amber just because the weekend is long.
  const tz = timeZoneFor(r.listing.marketplace, r.listing.url);
  const businessLeft = businessMsBetween(now, new Date(due), tz);
  return { kind: 'running', msLeft, tone: businessLeft <= SLA_MS / 4 ? 'amber' : 'normal' };
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const pad = (n: number) => String(n).padStart(2, '0');

/** Locale-neutral: `2d 3h`, `23h 59m 12s`, `4m 05s`, `9s`. Rounds down to the second. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / S)) * S;
  const d = Math.floor(total / D);
  const h = Math.floor((total % D) / H);
  const m = Math.floor((total % H) / M);
  const s = Math.floor((total % M) / S);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

type Sortable = Pick<TakedownRecord, 'caseStatus' | 'slaDueAt' | 'flaggedAt' | 'updatedAt' | 'clientRequestId'>;

function group(r: Sortable): number {
  if (isClosed(r)) return 2;
  return dueTime(r) === null ? 1 : 0;
}

/**
 * Open cases with a clock first, soonest due first (so overdue ones lead); then requests
 * whose clock has not started, oldest flag first; then resolved cases, newest first.
 * `now` is accepted so that callers need not change if the order ever depends on it;
 * today it does not (due times order the same at every instant).
 */
export function sortForPopup<T extends Sortable>(records: readonly T[], _now: Date): T[] {
  return [...records].sort((a, b) => {
    const ga = group(a);
    const gb = group(b);
    if (ga !== gb) return ga - gb;
    let c = 0;
    if (ga === 0) c = dueTime(a)! - dueTime(b)!;
    else if (ga === 1) c = a.flaggedAt.localeCompare(b.flaggedAt);
    else c = b.updatedAt.localeCompare(a.updatedAt);
    return c || a.clientRequestId.localeCompare(b.clientRequestId);
  });
}
