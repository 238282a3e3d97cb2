// The member's good-faith record, on which the alliance grants and withdraws its fast lane
// (≥ 90 % takedown success, ≤ 5 % successful counter-notices, over 3 months). Pure over the
// stored history and `now`.
import type { TakedownRecord } from './model.ts';

export const STATS_WINDOWS = { '7d': 7, '30d': 30, '90d': 90, '180d': 180 } as const;
export type StatsWindow = keyof typeof STATS_WINDOWS;

export const FAST_LANE = { minSuccess: 0.9, maxCounterNotices: 0.05 } as const;
/** Where the popup starts warning: before the record crosses the line. */
export const NEAR = { success: 0.92, counterNotices: 0.04 } as const;

const DECISIONS = new Set(['taken_down', 'rejected', 'needs_info']);
const DAY = 24 * 3600 * 1000;

export type History = Pick<TakedownRecord, 'caseStatus' | 'resolvedAt' | 'slaDueAt' | 'decidedAt' | 'reason'>;

export interface GoodFaith {
  window: StatsWindow;
  takenDown: number;
  rejected: number;
  reinstated: number;
  /** taken_down ÷ (taken_down + rejected + reinstated), null when none ended. */
  successRate: number | null;
  /** reinstated ÷ (taken_down + reinstated). */
  counterNoticeRate: number | null;
  /** Cases whose first decision came before slaDueAt ÷ cases with a decision. */
  withinSlaRate: number | null;
  decided: number;
}

const inWindow = (iso: string | null | undefined, from: number, to: number) => {
  const t = iso ? Date.parse(iso) : NaN;
  return t > from && t <= to;
};

/** The first decision we know of: recorded when seen, else the resolution of a directly decided case. */
function decisionTime(r: History): string | null {
  if (r.decidedAt) return r.decidedAt;
  return r.caseStatus === 'taken_down' || r.caseStatus === 'rejected' ? r.resolvedAt : null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Counted by the time cases ended (resolvedAt; the first decision for the within-SLA rate), in the window. */
export function goodFaith(records: readonly History[], window: StatsWindow, now: Date): GoodFaith {
  const to = now.getTime();
  const from = to - STATS_WINDOWS[window] * DAY;
  let takenDown = 0;
  let rejected = 0;
  let reinstated = 0;
  let decided = 0;
  let onTime = 0;
  for (const r of records) {
    if (inWindow(r.resolvedAt, from, to)) {
      if (r.caseStatus === 'taken_down') takenDown++;
      else if (r.caseStatus === 'rejected') rejected++;
      else if (r.caseStatus === 'reinstated') reinstated++;
    }
    const d = decisionTime(r);
    if (d && inWindow(d, from, to) && r.slaDueAt) {
      decided++;
      if (Date.parse(d) < Date.parse(r.slaDueAt)) onTime++;
    }
  }
  return {
    window,
    takenDown,
    rejected,
    reinstated,
    decided,
    successRate: ratio(takenDown, takenDown + rejected + reinstated),
    counterNoticeRate: ratio(reinstated, takenDown + reinstated),
    withinSlaRate: ratio(onTime, decided),
  };
}

export interface Warning {
  kind: 'success' | 'counter_notices';
  /** The figure that triggers it (now, or projected after the batch). */
  rate: number;
}

/** The 90-day record near the fast-lane thresholds. */
export function nearThresholds(s: GoodFaith): Warning[] {
  const out: Warning[] = [];
  if (s.successRate !== null && s.successRate < NEAR.success) out.push({ kind: 'success', rate: s.successRate });
  if (s.counterNoticeRate !== null && s.counterNoticeRate > NEAR.counterNotices) out.push({ kind: 'counter_notices', rate: s.counterNoticeRate });
  return out;
}

/**
 * Would `count` more requests for `reason` push the 90-day record past the fast-lane
 * thresholds, if they fare as this reason's past requests did? Nothing is projected for a
 * reason with no history.
 */
export function projectBatch(records: readonly History[], reason: string, count: number, now: Date): Warning[] {
  const all = goodFaith(records, '90d', now);
  const mine = goodFaith(records.filter((r) => r.reason === reason), '90d', now);
  if (mine.successRate === null || count <= 0) return [];
  const ended = all.takenDown + all.rejected + all.reinstated;
  const expectTaken = count * mine.successRate;
  const success = (all.takenDown + expectTaken) / (ended + count);
  const expectReinstated = expectTaken * (mine.counterNoticeRate ?? 0);
  const cn = (all.reinstated + expectReinstated) / (all.takenDown + all.reinstated + expectTaken) || 0;
  const out: Warning[] = [];
  if (success < FAST_LANE.minSuccess) out.push({ kind: 'success', rate: success });
  if (cn > FAST_LANE.maxCounterNotices) out.push({ kind: 'counter_notices', rate: cn });
  return out;
}
