import { useEffect, useState } from 'preact/hooks';
import { LIMITS, type Listing } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { FlagForm } from './flag-form.tsx';
import type { PageState } from './page-state.ts';
import { onTrusted } from './trusted.ts';

interface Props {
  state: PageState;
  /** The listings whose cards are on screen now. */
  visible: () => Listing[];
  /** Reads what the selected cards still lack (a seller) before they are filed. */
  complete?: (listings: Listing[]) => Promise<Listing[]>;
}

/**
 * The toolbar of a search or shop page (hooks batch-toolbar with data-count, flag-selected):
 * shown while at least one card is selected; flags the whole selection in one message
 * through the same form as item pages.
 */
export function BatchToolbar({ state, visible, complete }: Props) {
  const [count, setCount] = useState(state.selected.size);
  const [open, setOpen] = useState(false);

  useEffect(
    () =>
      state.subscribe((change) => {
        if (!change.selection) return;
        setCount(state.selected.size);
        if (!state.selected.size) setOpen(false);
      }),
    [state],
  );

  if (!count) return null;
  const listings = [...state.selected.values()];
  return (
    <section class="panel toolbar" data-testid="batch-toolbar" data-count={count} aria-label={t('content_panel_title')}>
      <div class="head">
        <span role="status">{t('content_selected_count', String(count))}</span>
      </div>
      {state.full && <p class="message">{t('content_selection_full', String(LIMITS.batch))}</p>}
      {open ? (
        <FlagForm listings={listings} complete={complete} onQueued={(annotations, filed) => (state.flagged(filed, annotations), setOpen(false))} onCancel={() => setOpen(false)} />
      ) : (
        <div class="actions">
          <button type="button" onClick={onTrusted(() => state.selectMany(visible()))}>
            {t('content_select_visible')}
          </button>
          <button type="button" onClick={onTrusted(() => state.clear())}>
            {t('content_clear_selection')}
          </button>
          <button type="button" class="primary" data-testid="flag-selected" onClick={onTrusted(() => setOpen(true))}>
            {t('content_flag_selected')}
          </button>
        </div>
      )}
    </section>
  );
}
