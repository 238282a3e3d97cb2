import type { ItemAnnotation } from '../shared/messages.ts';
import { isResolvedStatus } from '../shared/api/statuses.ts';
import { t } from '../shared/i18n.ts';
import { stateLabel } from './state-label.ts';
import { slaLeft } from './sla-left.ts';

/** Automation hook `listing-status`: the request's state, and the SLA left until it is resolved. */
export function ListingStatus({ annotation, now }: { annotation: ItemAnnotation; now: number }) {
  const sla = isResolvedStatus(annotation.state) ? null : slaLeft(annotation.slaDueAt, now);
  return (
    <div class="status" data-testid="listing-status" data-state={annotation.state} data-item-id={annotation.itemId}>
      <span>{t('content_status_label')}:</span>
      <span class="state" dir="auto">{stateLabel(annotation.state)}</span>
      {sla && (
        <span class="sla" data-tone={sla.tone} data-due-at={annotation.slaDueAt ?? ''}>
          {sla.text}
        </span>
      )}
    </div>
  );
}
