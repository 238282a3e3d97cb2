import { t, type MessageKey } from '../shared/i18n.ts';

const STATE_KEYS: Record<string, MessageKey> = {
  capturing: 'popup_state_capturing',
  queued: 'popup_state_queued',
  sending: 'popup_state_sending',
  attention: 'popup_state_attention',
  received: 'popup_state_received',
  in_review: 'popup_state_in_review',
  needs_info: 'popup_state_needs_info',
  taken_down: 'popup_state_taken_down',
  rejected: 'popup_state_rejected',
  withdrawn: 'popup_state_withdrawn',
  counter_notice: 'popup_state_counter_notice',
  reinstated: 'popup_state_reinstated',
};

const MARKET_KEYS: Record<string, MessageKey> = {
  taobao: 'popup_market_taobao',
  tmall: 'popup_market_tmall',
  lazada: 'popup_market_lazada',
  aliexpress: 'popup_market_aliexpress',
  '1688': 'popup_market_1688',
};

/** A status the service added after this version is shown as the service sent it. */
export function stateLabel(state: string): string {
  const key = Object.hasOwn(STATE_KEYS, state) ? STATE_KEYS[state] : undefined;
  return key ? t(key) : state;
}

export function marketLabel(marketplace: string): string {
  const key = Object.hasOwn(MARKET_KEYS, marketplace) ? MARKET_KEYS[marketplace] : undefined;
  return key ? t(key) : marketplace;
}

// The same words as the flag form on the page: one term per concept.
const REASON_KEYS: Record<string, MessageKey> = {
  counterfeit: 'content_reason_counterfeit',
  trademark_misuse: 'content_reason_trademark_misuse',
  copyright_image: 'content_reason_copyright_image',
  patent: 'content_reason_patent',
  other: 'content_reason_other',
};

export function reasonLabel(reason: string): string {
  const key = Object.hasOwn(REASON_KEYS, reason) ? REASON_KEYS[reason] : undefined;
  return key ? t(key) : reason;
}
