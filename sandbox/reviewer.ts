// A simulated alliance reviewer, so that the popup's statuses, notifications and
// counter-notices can be seen moving without a real back office. Each tick moves
// the longest-waiting cases one step; outcomes come from an injected random
// source so tests can pick them.
import type { State, StoredCase } from './store.ts';
import { applyStatus } from './cases.ts';

export type Random = () => number;

/** Cases moved per tick: enough for a demo, slow enough to watch. */
export const CASES_PER_TICK = 5;

// Shares of outcomes once a case has been reviewed.
const TAKEN_DOWN_SHARE = 0.7;
const REJECTED_SHARE = 0.15; // the rest asks for information
const COUNTER_NOTICE_SHARE = 0.15;
const COUNTER_NOTICE_DECIDED_PER_TICK = 0.5;
const REINSTATED_SHARE = 0.4;

function canMove(c: StoredCase): boolean {
  return c.status === 'received' || c.status === 'in_review' || c.status === 'counter_notice'
    || (c.status === 'taken_down' && !c.counterNoticeRolled);
}

/** One step for one case; returns whether it changed. */
function step(c: StoredCase, now: Date, random: Random): boolean {
  switch (c.status) {
    case 'received':
      applyStatus(c, 'in_review', now);
      return true;
    case 'in_review': {
      const r = random();
      const next = r < TAKEN_DOWN_SHARE ? 'taken_down' : r < TAKEN_DOWN_SHARE + REJECTED_SHARE ? 'rejected' : 'needs_info';
      applyStatus(c, next, now);
      return true;
    }
    case 'taken_down': {
      // Decided once per takedown, so a case is not challenged forever.
      c.counterNoticeRolled = true;
      if (random() >= COUNTER_NOTICE_SHARE) return false;
      applyStatus(c, 'counter_notice', now);
      return true;
    }
    case 'counter_notice': {
      if (random() >= COUNTER_NOTICE_DECIDED_PER_TICK) return false;
      applyStatus(c, random() < REINSTATED_SHARE ? 'reinstated' : 'taken_down', now);
      return true;
    }
    default:
      return false;
  }
}

/**
 * Moves up to CASES_PER_TICK cases, oldest update first. `changed` lists the
 * cases whose status moved; `touched` also counts bookkeeping that must be saved.
 */
export function reviewerTick(state: State, now: Date, random: Random): { changed: string[]; touched: boolean } {
  const queue = Object.values(state.cases)
    .filter(canMove)
    .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || (a.caseId < b.caseId ? -1 : 1))
    .slice(0, CASES_PER_TICK);
  const changed = queue.filter((c) => step(c, now, random)).map((c) => c.caseId);
  return { changed, touched: queue.length > 0 };
}
