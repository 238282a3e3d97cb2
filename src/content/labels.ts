import { t, type MessageKey } from '../shared/i18n.ts';
import { Reason } from '../shared/model.ts';

export { stateLabel } from './state-label.ts';

// Translated labels for the reasons the flag form offers.

const REASON_LABELS: Record<Reason, MessageKey> = {
  counterfeit: 'content_reason_counterfeit',
  trademark_misuse: 'content_reason_trademark_misuse',
  copyright_image: 'content_reason_copyright_image',
  patent: 'content_reason_patent',
  other: 'content_reason_other',
};

export const REASONS = Reason.options;

export const reasonLabel = (r: Reason) => t(REASON_LABELS[r]);
