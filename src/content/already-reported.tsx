import type { ItemAnnotation } from '../shared/messages.ts';
import { t } from '../shared/i18n.ts';
import { stateLabel } from './labels.ts';

/** At most this many cases are named; a selection says how many more. */
const SHOWN = 3;

/**
 * "Already reported on this device": the existing case (id, status) of each listing the form
 * would file again (hook `already-reported`, `data-case-id`, `data-state`).
 */
export function AlreadyReported({ annotations }: { annotations: ItemAnnotation[] }) {
  return (
    <div class="message warn" role="status" data-testid="already-reported">
      {annotations.slice(0, SHOWN).map((a) => (
        <p key={a.clientRequestId || a.itemId} class="message" data-item-id={a.itemId} data-case-id={a.caseId ?? ''} data-state={a.state}>
          {t('content_flag_again_notice', [a.caseId ? t('content_case', a.caseId) : t('content_no_case_yet'), stateLabel(a.state)])}
        </p>
      ))}
      {annotations.length > SHOWN && <p class="message">+{annotations.length - SHOWN}</p>}
    </div>
  );
}
