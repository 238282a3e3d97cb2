import type { TakedownRecord } from './model.ts';

// Apart from model.ts (and its zod schemas) so that the popup's first screen can say a
// row's state without loading zod.

/**
 * The state a user sees (automation hook `data-state`): the service's case status once it
 * has one, kept as sent even when unknown to us; before that, our outbox state; and
 * `attention` for everything queued while the queue is paused for a bad token.
 */
export function displayState(r: Pick<TakedownRecord, 'caseStatus' | 'outbox'>, paused: boolean): string {
  if (r.caseStatus) return r.caseStatus;
  if (r.outbox.state === 'submitted') return 'received';
  if (paused && r.outbox.state !== 'attention') return 'attention';
  return r.outbox.state;
}
