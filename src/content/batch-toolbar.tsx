import { useEffect, useState } from 'preact/hooks';
import { LIMITS, type Listing } from '../shared/model.ts';
import { send } from '../shared/messaging.ts';
import { t } from '../shared/i18n.ts';
import { BatchProgress } from './batch-progress.tsx';
import { FlagForm } from './flag-form.tsx';
import type { PageState } from './page-state.ts';
import { onTrusted } from './trusted.ts';

interface Props {
  state: PageState;
  /** Every card recognised on the page so far (loaded, not only on screen). */
  loaded: () => Listing[];
  /** Reads what the selected cards still lack (a seller) before they are filed. */
  complete?: (listings: Listing[]) => Promise<Listing[]>;
}

/**
 * The toolbar of a search or shop page (hooks batch-toolbar with data-count, flag-selected,
 * select-all-visible, clear-selection, batch-progress): shown while cards are selected or a
 * flagged selection is being captured; flags the whole selection in one message through the
 * same form as item pages.
 */
export function BatchToolbar({ state, loaded, complete }: Props) {
  const [count, setCount] = useState(state.selected.size);
  const [open, setOpen] = useState(false);
  const [job, setJob] = useState<{ jobId: string; total: number; listings: Listing[] } | null>(null);
  const [skipped, setSkipped] = useState(0);

  useEffect(
    () =>
      state.subscribe((change) => {
        if (!change.selection) return;
        setCount(state.selected.size);
        if (!state.selected.size) setOpen(false);
      }),
    [state],
  );

  const listings = [...state.selected.values()];
  // Refresh the cards' status once their requests leave `capturing`.
  const refresh = (flagged: Listing[]) =>
    void send('lookup', { items: flagged.map((l) => ({ marketplace: l.marketplace, itemId: l.itemId })), sellers: [] }).then((r) => state.annotate(r.annotations), () => undefined);
  const progress = (job || skipped > 0) && (
    <section class="panel toolbar progress-panel" aria-label={t('content_panel_title')}>
      {job && <BatchProgress key={job.jobId} jobId={job.jobId} total={job.total} onSealed={() => refresh(job.listings)} onClose={() => (setJob(null), setSkipped(0))} />}
      {skipped > 0 && (
        <p class="message" data-testid="already-reported" data-count={skipped}>
          {t('content_already_reported', String(skipped))}
        </p>
      )}
    </section>
  );
  if (!count) return progress || null;
  return (
    <>
    {progress}
    <section class="panel toolbar" data-testid="batch-toolbar" data-count={count} aria-label={t('content_panel_title')}>
      <div class="head">
        <span role="status">{t('content_selected_count', String(count))}</span>
      </div>
      {state.full && <p class="message">{t('content_selection_full', String(LIMITS.batch))}</p>}
      {open ? (
        <FlagForm
          listings={listings}
          complete={complete}
          flagAgain={listings.filter((l) => state.again.has(l.itemId)).map((l) => l.itemId)}
          onQueued={(annotations, answer) => {
            state.flagged(listings, [...annotations, ...(answer.skipped ?? [])]);
            setSkipped(answer.skipped?.length ?? 0);
            setJob(answer.jobId ? { jobId: answer.jobId, total: answer.clientRequestIds.length, listings } : null);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <div class="actions">
          <button type="button" data-testid="select-all-visible" onClick={onTrusted(() => state.selectMany(loaded()))}>
            {t('content_select_visible')}
          </button>
          <button type="button" data-testid="clear-selection" onClick={onTrusted(() => (state.clear(), setSkipped(0)))}>
            {t('content_clear_selection')}
          </button>
          <button type="button" class="primary" data-testid="flag-selected" disabled={!count} onClick={onTrusted(() => setOpen(true))}>
            {t('content_flag_selected')}
          </button>
        </div>
      )}
    </section>
    </>
  );
}
