import type { Case } from '../../shared/api/schemas.ts';
import { MEMBER_ACTION_STATUSES, RESOLVED_CASE_STATUSES } from '../../shared/api/schemas.ts';
import type { TakedownRecord } from '../../shared/model.ts';

/** The statuses that count as the reviewer's decision for the within-SLA rate. */
const FIRST_DECISIONS = new Set(['taken_down', 'rejected', 'needs_info']);

export interface CaseChange {
  record: TakedownRecord;
  /** Set when the user should hear about it: resolved, needs info, counter-notice. */
  notify: 'resolved' | 'needs_info' | 'counter_notice' | null;
}

/**
 * Folds a case from the service into our request (pure). Unknown statuses are kept as sent.
 * Returns null when nothing changed, so that nothing is written or announced.
 */
export function applyCase(record: TakedownRecord, c: Case, now: Date): CaseChange | null {
  const same =
    record.caseStatus === c.status &&
    record.caseId === c.caseId &&
    record.slaDueAt === c.slaDueAt &&
    record.respondBy === (c.respondBy ?? null) &&
    record.resolvedAt === (c.resolvedAt ?? null) &&
    JSON.stringify(record.resolution) === JSON.stringify(c.resolution ?? null);
  if (same) return null;
  const statusChanged = record.caseStatus !== c.status;
  const next: TakedownRecord = {
    ...record,
    caseId: c.caseId,
    caseStatus: c.status,
    receivedAt: c.receivedAt,
    slaDueAt: c.slaDueAt,
    respondBy: c.respondBy ?? null,
    resolvedAt: c.resolvedAt ?? null,
    resolution: c.resolution ?? null,
    decidedAt: record.decidedAt ?? (FIRST_DECISIONS.has(c.status) ? c.updatedAt : null),
    outbox: { ...record.outbox, state: 'submitted', batchId: null, lastError: null },
    updatedAt: now.toISOString(),
  };
  let notify: CaseChange['notify'] = null;
  if (statusChanged) {
    if ((RESOLVED_CASE_STATUSES as readonly string[]).includes(c.status)) notify = 'resolved';
    else if ((MEMBER_ACTION_STATUSES as readonly string[]).includes(c.status)) notify = c.status as 'needs_info' | 'counter_notice';
  }
  return { record: next, notify };
}
