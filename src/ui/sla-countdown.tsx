import type { TakedownRecord } from '../shared/model.ts';
import { formatDuration, slaView, type SlaView } from '../shared/sla-view.ts';
import { t } from '../shared/i18n.ts';
import { formatDateTime } from './format.ts';

type Props = { record: Pick<TakedownRecord, 'caseStatus' | 'slaDueAt' | 'listing' | 'updatedAt' | 'resolvedAt'>; now: number };

function label(view: SlaView, record: Props['record']): string {
  switch (view.kind) {
    case 'not_started':
      return t('popup_sla_not_started');
    case 'running':
      return t('popup_sla_left', formatDuration(view.msLeft));
    case 'overdue':
      return t('popup_sla_overdue', formatDuration(view.msOver));
    case 'closed':
      // Records stored before resolvedAt was kept fall back to their last update.
      return t('popup_sla_closed', formatDateTime(record.resolvedAt ?? record.updatedAt));
  }
}

/** The 24-hour service-level clock of one request (automation hook `sla-countdown`). */
export function SlaCountdown({ record, now }: Props) {
  const view = slaView(record, new Date(now));
  const tone = view.kind === 'running' || view.kind === 'overdue' ? view.tone : 'none';
  const due = record.slaDueAt;
  return (
    <span
      data-testid="sla-countdown"
      data-due-at={due ?? ''}
      data-tone={tone}
      class={`sla sla-${view.kind.replace('_', '-')} tone-${tone}`}
      title={due && view.kind !== 'closed' ? t('popup_sla_due', formatDateTime(due)) : undefined}
    >
      {label(view, record)}
    </span>
  );
}
