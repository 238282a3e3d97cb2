import type { TakedownRecord } from '../shared/model.ts';
import { respondByView, slaView, type ClockView } from '../shared/sla-view.ts';
import { t, type MessageKey } from '../shared/i18n.ts';
import { formatDateTime, formatDuration, formatWeekdayTime } from './format.ts';

type Keys = { left: MessageKey; paused: MessageKey; overdue: MessageKey };
const SLA_KEYS: Keys = { left: 'popup_sla_left', paused: 'popup_sla_paused', overdue: 'popup_sla_overdue' };
const RESPOND_KEYS: Keys = { left: 'popup_respond_left', paused: 'popup_respond_paused', overdue: 'popup_respond_overdue' };

function clockText(view: ClockView, keys: Keys): string {
  switch (view.kind) {
    case 'running':
      return view.pausedUntil
        ? t(keys.paused, [formatDuration(view.businessMsLeft, false), formatWeekdayTime(view.pausedUntil, view.timeZone), view.timeZone])
        : t(keys.left, formatDuration(view.businessMsLeft));
    case 'overdue':
      return t(keys.overdue, formatDuration(view.msOver));
    default:
      return '';
  }
}

const toneOf = (view: ClockView) => (view.kind === 'running' || view.kind === 'overdue' ? view.tone : 'none');

/** Hover text: the due time in the marketplace's zone, and the zone the business hours count in. */
function zoneTitle(dueIso: string, view: ClockView, dueKey: MessageKey): string | undefined {
  if (view.kind !== 'running' && view.kind !== 'overdue') return undefined;
  return t(dueKey, [formatDateTime(dueIso, view.timeZone), view.timeZone]);
}

type SlaProps = { record: Pick<TakedownRecord, 'caseStatus' | 'slaDueAt' | 'listing' | 'updatedAt' | 'resolvedAt'>; now: number };

/** The 24-hour service-level clock of one request (automation hook `sla-countdown`). */
export function SlaCountdown({ record, now }: SlaProps) {
  const view = slaView(record, new Date(now));
  const tone = toneOf(view);
  const due = record.slaDueAt;
  let text = clockText(view, SLA_KEYS);
  // Records stored before resolvedAt was kept fall back to their last update.
  if (view.kind === 'closed') text = t('popup_sla_closed', formatDateTime(record.resolvedAt ?? record.updatedAt));
  if (view.kind === 'not_started') text = t('popup_sla_not_started');
  if (view.kind === 'waiting') text = t('popup_sla_waiting');
  return (
    <span
      data-testid="sla-countdown"
      data-due-at={due ?? ''}
      data-tone={tone}
      data-paused={view.kind === 'running' && view.pausedUntil ? 'true' : 'false'}
      class={`sla sla-${view.kind.replace('_', '-')} tone-${tone}`}
      title={due ? zoneTitle(due, view, 'popup_sla_due') : undefined}
    >
      {text}
    </span>
  );
}

/** The time left to answer the alliance (automation hook `respond-by`); red in the last business day. */
export function RespondBy({ record, now }: { record: Pick<TakedownRecord, 'respondBy' | 'listing'>; now: number }) {
  const view = respondByView(record, new Date(now));
  if (!view || !record.respondBy) return null;
  const tone = toneOf(view);
  return (
    <span
      data-testid="respond-by"
      data-respond-by={record.respondBy}
      data-tone={tone}
      class={`sla respond-by tone-${tone}`}
      title={zoneTitle(record.respondBy, view, 'popup_respond_due')}
    >
      {clockText(view, RESPOND_KEYS)}
    </span>
  );
}
