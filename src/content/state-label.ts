import { t, type MessageKey } from '../shared/i18n.ts';

// A request's state as the cards and the item panel show it (kept apart from labels.ts, which
// needs the schemas: a search page shows states without loading zod). Unknown states are
// shown as the service sent them, so a new status is visible rather than hidden.

const STATE_LABELS: Record<string, MessageKey> = {
  capturing: 'content_state_capturing',
  queued: 'content_state_queued',
  sending: 'content_state_sending',
  attention: 'content_state_attention',
  received: 'content_state_received',
  in_review: 'content_state_in_review',
  needs_info: 'content_state_needs_info',
  taken_down: 'content_state_taken_down',
  rejected: 'content_state_rejected',
  withdrawn: 'content_state_withdrawn',
  counter_notice: 'content_state_counter_notice',
  reinstated: 'content_state_reinstated',
};

export function stateLabel(state: string): string {
  const key = Object.hasOwn(STATE_LABELS, state) ? STATE_LABELS[state] : undefined;
  return key ? t(key) : state;
}
