import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { ItemAnnotation } from '../shared/messages.ts';
import { Listing, LIMITS, type ListingInput } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { FlagForm } from './flag-form.tsx';
import { mount } from './mount.ts';
import { showNotice } from './page-notice.ts';
import { stateLabel } from './labels.ts';
import { onTrusted } from './trusted.ts';

export interface LinkFlag {
  /** What the card around the link shows, read with the site's reader; null: the link alone. */
  listing: Listing | null;
  /** What the link's URL says (the worker read it), with the link's own text. */
  link: { marketplace: string; itemId: string; url: string; text: string } | null;
  /** This device's request for that listing: the form asks before flagging it again. */
  existing: ItemAnnotation | null;
  onFlagged: (filed: Listing[], annotations: ItemAnnotation[]) => void;
}

let open: HTMLElement | null = null;

/**
 * "Flag this listing" from the link menu: a panel with the flag form for the linked listing
 * (hook `link-flag`, `data-item-id`). A link outside any recognised card is flagged with what
 * its URL says, and the form asks for what the alliance requires that the URL cannot tell.
 */
export function openLinkFlag(doc: Document, flag: LinkFlag): void {
  const { layer } = mount(doc);
  if (open) render(null, open), open.remove();
  const box = (open = doc.createElement('div'));
  layer.append(box);
  const close = () => {
    render(null, box);
    box.remove();
    if (open === box) open = null;
  };
  render(<LinkFlagPanel flag={flag} onClose={close} />, box);
}

function LinkFlagPanel({ flag, onClose }: { flag: LinkFlag; onClose: () => void }) {
  const { listing, link, existing } = flag;
  const [title, setTitle] = useState((link?.text ?? '').slice(0, LIMITS.title));
  const [seller, setSeller] = useState('');
  const draft: Listing =
    listing ??
    ({
      marketplace: link!.marketplace as Listing['marketplace'],
      itemId: link!.itemId,
      skuId: null,
      url: link!.url,
      title: title.trim(),
      price: null,
      imageUrls: [],
      seller: { name: seller.trim(), id: null, shopUrl: null },
      unavailable: false,
    } satisfies ListingInput as Listing);
  // The URL alone: the user's title and seller, checked like any listing before filing.
  const complete = async (): Promise<Listing[]> => {
    const parsed = Listing.safeParse(draft);
    if (!draft.title || !draft.seller.name || !parsed.success) throw new Error(t('content_missing_required'));
    return [parsed.data];
  };
  const queued = (annotations: ItemAnnotation[], filed: Listing[]) => {
    flag.onFlagged(filed, annotations);
    onClose();
    const mine = annotations[0];
    if (mine) showNotice(document, t('content_flagged_no_case', stateLabel(mine.state)));
  };
  return (
    <section
      class="panel link-flag"
      data-testid="link-flag"
      data-item-id={draft.itemId}
      data-from={listing ? 'card' : 'url'}
      aria-label={t('content_panel_title')}
      // Esc closes it from its own fields too, as it does from the form's (a key press never files).
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div class="head">
        <span>{t('content_panel_title')}</span>
        <button type="button" aria-label={t('content_close_panel')} onClick={onTrusted(onClose)}>
          ×
        </button>
      </div>
      {listing ? (
        <span class="listing page-text" dir="auto" title={listing.title}>
          {listing.title}
        </span>
      ) : (
        <div>
          <p class="message warn">{t('content_link_from_url')}</p>
          <label for="tdf-link-title">{t('content_missing_title_label')}</label>
          <input id="tdf-link-title" class="text" data-testid="link-title" maxLength={LIMITS.title} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          <label for="tdf-link-seller">{t('content_missing_seller_label')}</label>
          <input id="tdf-link-seller" class="text" data-testid="link-seller" maxLength={LIMITS.sellerName} value={seller} onInput={(e) => setSeller(e.currentTarget.value)} />
        </div>
      )}
      <FlagForm listings={[draft]} existing={existing ? [existing] : undefined} complete={listing ? undefined : complete} onQueued={queued} onCancel={onClose} />
    </section>
  );
}
