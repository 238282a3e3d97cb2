import type { IpRight, QueuePause, TakedownRecord } from '../shared/model.ts';
import { displayState } from '../shared/display-state.ts';
import { t } from '../shared/i18n.ts';
import { RespondBy, SlaCountdown } from '../ui/sla-countdown.tsx';
import { useStore } from '../ui/use-store.ts';
import { popupView } from './view-store.ts';
import { marketLabel, stateLabel } from './labels.ts';
import { RowActions } from './row-actions.tsx';
import { StampLine } from './stamp-line.tsx';
import { ExportBundleButton, ReportButton, RowSelect } from './export-buttons.tsx';

/** Every row is this tall (CSS keeps it so): the virtual list's arithmetic depends on it. */
export const ROW_HEIGHT = 110;

/** Only the countdowns follow the clock, so a tick re-renders a span per row, not the rows. */
function LiveClocks({ record }: { record: TakedownRecord }) {
  const now = useStore(popupView, (s) => s.now);
  return (
    <>
      <RespondBy record={record} now={now} />
      <SlaCountdown record={record} now={now} />
    </>
  );
}

/** What the row says under its title: why it waits on the user, the alliance's question, the outcome. */
function detail(r: TakedownRecord, state: string, pause: QueuePause | null): { text: string; tone: 'red' | 'muted' | 'amber' } | null {
  if (state === 'attention') {
    const why = r.outbox.state === 'attention' && r.outbox.lastError ? r.outbox.lastError.message : (pause?.message ?? r.outbox.lastError?.message ?? '');
    return { text: t('popup_attention_reason', why), tone: 'red' };
  }
  // A capture waiting for its tab says so: nothing else tells the user why it does not move.
  if (r.outbox.state === 'capturing' && r.outbox.lastError) return { text: r.outbox.lastError.message, tone: 'amber' };
  const answerGaps = r.answer?.gaps?.map((g) => g.message).join('; ') ?? '';
  if (r.answer?.state === 'capturing') return { text: t('popup_answer_capturing'), tone: 'amber' };
  if (r.answer && r.answer.state !== 'sent') {
    if (r.answer.lastError && r.answer.state === 'attention') return { text: t('popup_answer_refused', r.answer.lastError.message), tone: 'red' };
    if (answerGaps) return { text: t('popup_answer_capture_gaps', answerGaps), tone: 'amber' };
    return { text: r.answer.lastError?.code === 'offline' ? r.answer.lastError.message : t('popup_answer_queued'), tone: 'muted' };
  }
  // The alliance has the answer: what its fresh capture lacked stays said while it reviews.
  if (answerGaps && state === 'in_review') return { text: t('popup_answer_sent_gaps', answerGaps), tone: 'amber' };
  if (state === 'needs_info' && r.resolution) return { text: t('popup_question', r.resolution.message), tone: 'red' };
  if (state === 'counter_notice' && r.resolution) return { text: t('popup_counter_notice', r.resolution.message), tone: 'red' };
  if (r.resolution) return { text: t('popup_resolution', r.resolution.message), tone: 'muted' };
  if (r.evidenceGaps.length > 0) return { text: t('popup_evidence_gaps', r.evidenceGaps.map((g) => g.message).join('; ')), tone: 'amber' };
  return null;
}

// Stored records came from pages once: link only to what is plainly a web URL.
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

export function RequestRow({
  record,
  pause,
  ipRights,
  index,
  active,
  onFocusRow,
}: {
  record: TakedownRecord;
  pause: QueuePause | null;
  ipRights: IpRight[];
  index: number;
  active: boolean;
  onFocusRow: () => void;
}) {
  const { listing } = record;
  const state = displayState(record, pause !== null);
  const info = detail(record, state, pause);
  const tab = active ? 0 : -1;
  return (
    <div
      class="row"
      role="group"
      tabIndex={tab}
      data-index={String(index)}
      onFocusIn={onFocusRow}
      data-testid="request-row"
      data-client-request-id={record.clientRequestId}
      data-item-id={listing.itemId}
      data-state={state}
      aria-label={`${stateLabel(state)}: ${listing.title}`}
    >
      <div class="row-head">
        <RowSelect id={record.clientRequestId} tabIndex={tab} />
        {isWebUrl(listing.url) ? (
          <a class="title page-text ellipsis" dir="auto" href={listing.url} target="_blank" rel="noopener noreferrer" title={listing.title} tabIndex={tab}>
            {listing.title}
          </a>
        ) : (
          <span class="title page-text ellipsis" dir="auto" title={listing.title}>
            {listing.title}
          </span>
        )}
        <span class={`state state-${state === 'attention' || state === 'needs_info' || state === 'counter_notice' ? 'attention' : 'other'}`}>{stateLabel(state)}</span>
      </div>
      <div class="row-meta muted small">
        <span>{marketLabel(listing.marketplace)}</span>
        {/* FSI…PDI isolate the seller's name inside the translated label (stored text has none). */}
        <span class="seller ellipsis" title={listing.seller.name}>
          {t('popup_seller', `\u2068${listing.seller.name}\u2069`)}
        </span>
        {record.caseId && <span>{t('popup_case', record.caseId)}</span>}
      </div>
      <div class="row-clocks small">
        <LiveClocks record={record} />
      </div>
      <p class={`detail small ellipsis tone-text-${info?.tone ?? 'muted'}`} title={info?.text}>
        {info?.text ?? ''}
      </p>
      <div class="row-actions small">
        <RowActions record={record} state={state} ipRights={ipRights} tabIndex={tab} />
        <StampLine record={record} />
        <span class="row-exports">
          <ReportButton id={record.clientRequestId} tabIndex={tab} />
          <ExportBundleButton id={record.clientRequestId} tabIndex={tab} />
        </span>
      </div>
    </div>
  );
}
