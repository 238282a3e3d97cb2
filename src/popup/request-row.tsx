import { displayState, type IpRight, type QueuePause, type TakedownRecord } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { SlaCountdown } from '../ui/sla-countdown.tsx';
import { useStore } from '../ui/use-store.ts';
import { popupView } from './view-store.ts';
import { marketLabel, stateLabel } from './labels.ts';
import { RowActions } from './row-actions.tsx';
import { ExportBundleButton, RowSelect } from './export-buttons.tsx';

/** Only the countdown follows the clock, so a tick re-renders a span per row, not the rows. */
function LiveCountdown({ record }: { record: TakedownRecord }) {
  const now = useStore(popupView, (s) => s.now);
  return <SlaCountdown record={record} now={now} />;
}

function attentionReason(r: TakedownRecord, pause: QueuePause | null): string | null {
  if (r.outbox.state === 'attention' && r.outbox.lastError) return r.outbox.lastError.message;
  return pause?.message ?? r.outbox.lastError?.message ?? null;
}

// Stored records came from pages once: link only to what is plainly a web URL.
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

export function RequestRow({ record, pause, ipRights }: { record: TakedownRecord; pause: QueuePause | null; ipRights: IpRight[] }) {
  const { listing } = record;
  const state = displayState(record, pause !== null);
  const reason = state === 'attention' ? attentionReason(record, pause) : null;
  return (
    <li
      class="row"
      data-testid="request-row"
      data-client-request-id={record.clientRequestId}
      data-item-id={listing.itemId}
      data-state={state}
    >
      <div class="row-head">
        <RowSelect id={record.clientRequestId} />
        {isWebUrl(listing.url) ? (
          <a class="title page-text ellipsis" dir="auto" href={listing.url} target="_blank" rel="noopener noreferrer" title={listing.title}>
            {listing.title}
          </a>
        ) : (
          <span class="title page-text ellipsis" dir="auto" title={listing.title}>
            {listing.title}
          </span>
        )}
        <span class={`state state-${state === 'attention' ? 'attention' : 'other'}`}>{stateLabel(state)}</span>
        <ExportBundleButton id={record.clientRequestId} />
      </div>
      <div class="row-meta muted small">
        <span>{marketLabel(listing.marketplace)}</span>
        {/* FSI…PDI isolate the seller's name inside the translated label (stored text has none). */}
        <span class="seller ellipsis" title={listing.seller.name}>
          {t('popup_seller', `\u2068${listing.seller.name}\u2069`)}
        </span>
        {record.caseId && <span>{t('popup_case', record.caseId)}</span>}
        <LiveCountdown record={record} />
      </div>
      {reason && <p class="reason small">{t('popup_attention_reason', reason)}</p>}
      {record.resolution && <p class="muted small">{t('popup_resolution', record.resolution.message)}</p>}
      {record.evidenceGaps.length > 0 && (
        <p class="gaps small">{t('popup_evidence_gaps', record.evidenceGaps.map((g) => g.message).join('; '))}</p>
      )}
      <RowActions record={record} ipRights={ipRights} />
    </li>
  );
}
