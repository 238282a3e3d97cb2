import { useEffect, useRef, useState } from 'preact/hooks';
import { isResolvedStatus } from '../shared/api/statuses.ts';
import { stateLabel } from './labels.ts';
import type { ItemAnnotation } from '../shared/messages.ts';
import type { Listing } from '../shared/model.ts';
import { askWorker } from './ask-worker.ts';
import { t } from '../shared/i18n.ts';
import { FlagForm } from './flag-form.tsx';
import { ListingStatus } from './listing-status.tsx';
import { onTrusted } from './trusted.ts';
import { provideOrders } from './page-orders.ts';

/** How often the SLA countdown on the page is refreshed; minutes are its finest unit. */
const TICK_MS = 30_000;
/** While the request is not resolved, its status is asked again this often (one small message). */
const FOLLOW_MS = 5_000;

/** The floating panel on an item page: the listing's request status and the flag button. */
export function ItemPanel({ listing, now = Date.now }: { listing: Listing; now?: () => number }) {
  const [annotation, setAnnotation] = useState<ItemAnnotation | null>(null);
  const [open, setOpen] = useState(false);
  const [time, setTime] = useState(now);
  const [confirming, setConfirming] = useState(false);
  const following = useRef(false);
  following.current = annotation !== null && !isResolvedStatus(annotation.state);
  const flagButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    // One question per page: does this item already have a request? Then, while it is not
    // resolved, the same question now and then, so the status follows the case without a reload.
    const ask = () =>
      askWorker('lookup', { items: [{ marketplace: listing.marketplace, itemId: listing.itemId }] }).then(
        (res) => {
          const mine = res.annotations?.find((a) => a.marketplace === listing.marketplace && a.itemId === listing.itemId);
          if (live && mine) setAnnotation(mine);
        },
        () => {}, // no status is shown when the worker cannot say; flagging still works
      );
    void ask();
    const follow = setInterval(() => {
      if (document.visibilityState === 'visible' && following.current) void ask();
    }, FOLLOW_MS);
    const timer = setInterval(() => setTime(now()), TICK_MS);
    return () => {
      live = false;
      clearInterval(timer);
      clearInterval(follow);
    };
  }, [listing.marketplace, listing.itemId]);

  // The keyboard command opens the form (and grants activeTab for the capture); for a listing
  // that already has a request it asks first, as the button does, instead of filing again.
  const flaggedNow = useRef(false);
  useEffect(() => provideOrders({ flagFocused: () => (flaggedNow.current ? setConfirming(true) : setOpen(true), true) }), []);

  const queued = (annotations: ItemAnnotation[]) => {
    const mine = annotations.find((a) => a.itemId === listing.itemId);
    setAnnotation(
      mine ?? { marketplace: listing.marketplace, itemId: listing.itemId, clientRequestId: '', state: 'queued', slaDueAt: null, caseId: null },
    );
    setTime(now());
    close();
  };
  // Focus goes back where it came from when the form closes.
  const close = () => {
    setOpen(false);
    setConfirming(false);
    requestAnimationFrame(() => flagButton.current?.focus());
  };
  const flagged = annotation !== null && annotation.clientRequestId !== '';
  flaggedNow.current = flagged;
  const caseText = annotation?.caseId ? t('content_case', annotation.caseId) : t('content_no_case_yet');
  const label = flagged ? t('content_flagged', [caseText, stateLabel(annotation.state)]) : t('content_flag_listing');

  return (
    <section class="panel" aria-label={t('content_panel_title')}>
      <div class="head">{t('content_panel_title')}</div>
      <span class="listing page-text" dir="auto" title={listing.title}>
        {listing.title}
      </span>
      {listing.unavailable && <p data-testid="listing-unavailable">{t('content_unavailable')}</p>}
      {annotation && <ListingStatus annotation={annotation} now={time} />}
      {open ? (
        <FlagForm listings={[listing]} flagAgain={annotation ? [listing.itemId] : undefined} onQueued={queued} onCancel={close} />
      ) : confirming && annotation ? (
        <div class="confirm" role="alertdialog" aria-label={t('content_flag_again')} onKeyDown={(e) => e.key === 'Escape' && close()}>
          <p class="message">{t('content_flag_again_question', [caseText, stateLabel(annotation.state)])}</p>
          <div class="actions">
            <button type="button" onClick={onTrusted(close)}>
              {t('content_cancel')}
            </button>
            <button type="button" class="primary" data-testid="flag-again" ref={(el) => el?.focus()} onClick={onTrusted(() => setOpen(true))}>
              {t('content_flag_again')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class={flagged ? 'flagged' : 'primary'}
          data-testid="flag-listing"
          data-flagged={String(flagged)}
          ref={flagButton}
          onClick={onTrusted(() => (flagged ? setConfirming(true) : setOpen(true)))}
        >
          {label}
        </button>
      )}
    </section>
  );
}
