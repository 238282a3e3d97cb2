// What the popup's SLA and respond-by countdowns show for a request at `now`. Pure: the clock
// is passed in, so it is tested with a fixed one. Everything is computed from the stored
// absolute times, so a laptop that slept or travelled across zones shows the truth.
import type { TakedownRecord } from './model.ts';
import { isResolvedStatus } from './api/statuses.ts';
import { SLA_MS, businessMsBetween, businessResumesAt, timeZoneFor } from './sla.ts';

export type SlaTone = 'normal' | 'amber' | 'red';

export type ClockView =
  | { kind: 'not_started' }
  | {
      kind: 'running';
      /** Business time left in the marketplace's zone: what the service level counts. */
      businessMsLeft: number;
      tone: 'normal' | 'amber' | 'red';
      /** Set outside business time: when the clock starts again. */
      pausedUntil: Date | null;
      timeZone: string;
    }
  | { kind: 'overdue'; msOver: number; tone: 'red'; timeZone: string }
  | { kind: 'closed' }
  /** The case waits on the member (needs_info, counter_notice): the respond-by clock counts, not this one. */
  | { kind: 'waiting' };
export type SlaView = ClockView;

type SlaFields = Pick<TakedownRecord, 'caseStatus' | 'slaDueAt' | 'listing'>;

/** A case the service has resolved: the final state is shown instead of a clock. */
export function isClosed(r: Pick<TakedownRecord, 'caseStatus'>): boolean {
  return r.caseStatus !== null && isResolvedStatus(r.caseStatus);
}

function parseTime(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

const zoneOf = (r: Pick<TakedownRecord, 'listing'>) => timeZoneFor(r.listing.marketplace, r.listing.url);

/** A business-time countdown to `due`; `redWithin` of business time left turns it red, `amberWithin` amber. */
function countdown(due: number, now: Date, timeZone: string, amberWithin: number, redWithin: number): ClockView {
  if (due <= now.getTime()) return { kind: 'overdue', msOver: now.getTime() - due, tone: 'red', timeZone };
  const businessMsLeft = businessMsBetween(now, new Date(due), timeZone);
  const tone = businessMsLeft <= redWithin ? 'red' : businessMsLeft <= amberWithin ? 'amber' : 'normal';
  return { kind: 'running', businessMsLeft, tone, pausedUntil: businessResumesAt(now, timeZone), timeZone };
}

/**
 * The 24-hour service level: business hours left in the marketplace's zone, amber in the
 * last quarter of business time (a Friday-evening case due Monday is not amber just because
 * the weekend is long), red once overdue.
 */
export function slaView(r: SlaFields, now: Date): ClockView {
  if (isClosed(r)) return { kind: 'closed' };
  if (r.caseStatus === 'needs_info' || r.caseStatus === 'counter_notice') return { kind: 'waiting' };
  const due = parseTime(r.slaDueAt);
  if (due === null) return { kind: 'not_started' };
  return countdown(due, now, zoneOf(r), SLA_MS / 4, 0);
}

/** One business day: the last one before respondBy is red. */
const LAST_BUSINESS_DAY = 24 * 3600 * 1000;

/** The time left to answer a counter-notice (or a question with a deadline), null when none. */
export function respondByView(r: Pick<TakedownRecord, 'respondBy' | 'listing'>, now: Date): ClockView | null {
  const due = parseTime(r.respondBy);
  if (due === null) return null;
  return countdown(due, now, zoneOf(r), LAST_BUSINESS_DAY, LAST_BUSINESS_DAY);
}
