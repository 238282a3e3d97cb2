import { t, type MessageKey } from '../shared/i18n.ts';
import { Reason } from '../shared/model.ts';

// Translated labels for API codes. Unknown request states are shown as the service sent
// them (as text), so a new status is visible rather than hidden.

const REASON_LABELS: Record<Reason, MessageKey> = {
  counterfeit: 'content_reason_counterfeit',
  trademark_misuse: 'content_reason_trademark_misuse',
  copyright_image: 'content_reason_copyright_image',
  patent: 'content_reason_patent',
  other: 'content_reason_other',
};

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

export const REASONS = Reason.options;

export const reasonLabel = (r: Reason) => t(REASON_LABELS[r]);

export function stateLabel(state: string): string {
  const key = Object.hasOwn(STATE_LABELS, state) ? STATE_LABELS[state] : undefined;
  return key ? t(key) : state;
}
