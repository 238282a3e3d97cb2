import { t, type MessageKey } from '../shared/i18n.ts';
import { REASON_CODES, type ReasonCode } from '../shared/api/statuses.ts';

export { stateLabel } from './state-label.ts';

// Translated labels for the reasons the flag form offers (the codes without the schemas: the
// form runs on marketplace pages, and the worker checks the reason where the flag arrives).

const REASON_LABELS: Record<ReasonCode, MessageKey> = {
  counterfeit: 'content_reason_counterfeit',
  trademark_misuse: 'content_reason_trademark_misuse',
  copyright_image: 'content_reason_copyright_image',
  patent: 'content_reason_patent',
  other: 'content_reason_other',
};

export const REASONS = REASON_CODES;

export const isReason = (code: string): code is ReasonCode => (REASON_CODES as readonly string[]).includes(code);

export const reasonLabel = (r: ReasonCode) => t(REASON_LABELS[r]);
