import { useMemo } from 'preact/hooks';
import type { IpRight, QueuePause, TakedownRecord } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { sortForPopup } from '../shared/sla-view.ts';
import { useStore } from '../ui/use-store.ts';
import { popupView, setFilter } from './view-store.ts';
import { filterRecords, ROW_CAP } from './rows.ts';
import { RequestRow } from './request-row.tsx';
import { ExportBar } from './export-buttons.tsx';

export function SearchBox() {
  const filter = useStore(popupView, (s) => s.filter);
  return (
    <input
      type="search"
      class="search"
      data-testid="request-search"
      aria-label={t('popup_search_label')}
      placeholder={t('popup_search_placeholder')}
      value={filter}
      onInput={(e) => setFilter(e.currentTarget.value)}
    />
  );
}

export function RequestList({ records, pause, ipRights }: { records: TakedownRecord[]; pause: QueuePause | null; ipRights: IpRight[] }) {
  const filter = useStore(popupView, (s) => s.filter);
  // Sorting does not depend on the tick: due times order the same at every instant.
  const sorted = useMemo(() => sortForPopup(records, new Date()), [records]);
  const matching = useMemo(() => filterRecords(sorted, filter), [sorted, filter]);
  const shown = matching.slice(0, ROW_CAP);
  const more = matching.length - shown.length;
  return (
    <>
      <ExportBar records={sorted} shown={matching} paused={pause !== null} />
      <ul class="rows">
        {shown.map((r) => (
          <RequestRow key={r.clientRequestId} record={r} pause={pause} ipRights={ipRights} />
        ))}
      </ul>
      {matching.length === 0 && <p class="muted">{t('popup_no_match', filter.trim())}</p>}
      {more > 0 && (
        <p class="muted small" data-testid="more-rows">
          {t('popup_more_rows', String(more))}
        </p>
      )}
    </>
  );
}
