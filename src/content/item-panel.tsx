import { useEffect, useState } from 'preact/hooks';
import type { ItemAnnotation } from '../shared/messages.ts';
import type { Listing } from '../shared/model.ts';
import { send } from '../shared/messaging.ts';
import { t } from '../shared/i18n.ts';
import { FlagForm } from './flag-form.tsx';
import { ListingStatus } from './listing-status.tsx';
import { onTrusted } from './trusted.ts';
import { onFlagFormRequest } from './capture-responder.ts';

/** How often the SLA countdown on the page is refreshed; minutes are its finest unit. */
const TICK_MS = 30_000;

/** The floating panel on an item page: the listing's request status and the flag button. */
export function ItemPanel({ listing, now = Date.now }: { listing: Listing; now?: () => number }) {
  const [annotation, setAnnotation] = useState<ItemAnnotation | null>(null);
  const [open, setOpen] = useState(false);
  const [time, setTime] = useState(now);

  useEffect(() => {
    let live = true;
    // One question per page: does this item already have a request?
    send('lookup', { items: [{ marketplace: listing.marketplace, itemId: listing.itemId }] }).then(
      (res) => {
        const mine = res.annotations.find((a) => a.marketplace === listing.marketplace && a.itemId === listing.itemId);
        if (live && mine) setAnnotation(mine);
      },
      () => {}, // no status is shown when the worker cannot say; flagging still works
    );
    const timer = setInterval(() => setTime(now()), TICK_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [listing.marketplace, listing.itemId]);

  // The keyboard command (Alt+Shift+F) opens the form, and grants activeTab for the capture.
  useEffect(() => onFlagFormRequest(() => setOpen(true)), []);

  const queued = (annotations: ItemAnnotation[]) => {
    const mine = annotations.find((a) => a.itemId === listing.itemId);
    setAnnotation(
      mine ?? { marketplace: listing.marketplace, itemId: listing.itemId, clientRequestId: '', state: 'queued', slaDueAt: null, caseId: null },
    );
    setTime(now());
    setOpen(false);
  };

  return (
    <section class="panel" aria-label={t('content_panel_title')}>
      <div class="head">{t('content_panel_title')}</div>
      <span class="listing page-text" dir="auto" title={listing.title}>
        {listing.title}
      </span>
      {listing.unavailable && <p data-testid="listing-unavailable">{t('content_unavailable')}</p>}
      {annotation && <ListingStatus annotation={annotation} now={time} />}
      {open ? (
        <FlagForm listings={[listing]} onQueued={queued} onCancel={() => setOpen(false)} />
      ) : (
        <button type="button" class="primary" data-testid="flag-listing" onClick={onTrusted(() => setOpen(true))}>
          {t('content_flag_listing')}
        </button>
      )}
    </section>
  );
}
