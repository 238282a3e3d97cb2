import { useMemo, useState } from 'preact/hooks';
import type { IpRight, TakedownRecord } from '../shared/model.ts';
import { KNOWN_CASE_STATUSES, MARKETPLACES } from '../shared/api/statuses.ts';
import { t } from '../shared/i18n.ts';
import { useStore } from '../ui/use-store.ts';
import { popupView, setFilters } from './view-store.ts';
import { hasFilters, NO_FILTERS, sellerChoices } from './groups.ts';
import { marketLabel, stateLabel } from './labels.ts';

const STATES = ['attention', 'queued', 'sending', ...KNOWN_CASE_STATUSES];

/** Search (item id, title, seller, case id) and the filters; stays above the scrolling list. */
export function FilterBar({ records, ipRights }: { records: TakedownRecord[]; ipRights: IpRight[] }) {
  const filters = useStore(popupView, (s) => s.filters);
  const [open, setOpen] = useState(false);
  const sellers = useMemo(() => (open ? sellerChoices(records) : []), [records, open]);
  const active = hasFilters({ ...filters, text: '' });
  return (
    <div class="filter-bar">
      <div class="search-line">
        <input
          type="search"
          class="search"
          data-testid="request-search"
          aria-label={t('popup_search_label')}
          placeholder={t('popup_search_placeholder')}
          value={filters.text}
          onInput={(e) => setFilters({ text: e.currentTarget.value })}
        />
        <button type="button" class={active ? '' : 'secondary'} data-testid="filters-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('popup_filters')}
        </button>
      </div>
      {open && (
        <div class="filters small" data-testid="filters">
          <label>
            {t('popup_filter_state')}
            <select data-testid="filter-state" value={filters.state} onChange={(e) => setFilters({ state: e.currentTarget.value })}>
              <option value="">{t('popup_filter_any')}</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {stateLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('popup_filter_marketplace')}
            <select data-testid="filter-marketplace" value={filters.marketplace} onChange={(e) => setFilters({ marketplace: e.currentTarget.value })}>
              <option value="">{t('popup_filter_any')}</option>
              {MARKETPLACES.map((m) => (
                <option key={m} value={m}>
                  {marketLabel(m)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('popup_filter_seller')}
            <select data-testid="filter-seller" value={filters.seller} onChange={(e) => setFilters({ seller: e.currentTarget.value })}>
              <option value="">{t('popup_filter_any')}</option>
              {sellers.map((s) => (
                <option key={s.key} value={s.key}>
                  {`${s.name} (${s.count})`}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('popup_filter_ip_right')}
            <select data-testid="filter-ip-right" value={filters.ipRight} onChange={(e) => setFilters({ ipRight: e.currentTarget.value })}>
              <option value="">{t('popup_filter_any')}</option>
              {ipRights.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('popup_filter_from')}
            <input type="date" data-testid="filter-from" value={filters.from} onChange={(e) => setFilters({ from: e.currentTarget.value })} />
          </label>
          <label>
            {t('popup_filter_to')}
            <input type="date" data-testid="filter-to" value={filters.to} onChange={(e) => setFilters({ to: e.currentTarget.value })} />
          </label>
          <button type="button" class="secondary" disabled={!hasFilters(filters)} onClick={() => popupView.setState({ filters: NO_FILTERS })}>
            {t('popup_filter_clear')}
          </button>
        </div>
      )}
    </div>
  );
}
