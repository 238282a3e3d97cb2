import { useMemo } from 'preact/hooks';
import type { TakedownRecord } from '../shared/model.ts';
import { goodFaith, nearThresholds, NEAR, STATS_WINDOWS, type StatsWindow } from '../shared/good-faith.ts';
import { t } from '../shared/i18n.ts';
import { useStore } from '../ui/use-store.ts';
import { formatPercent } from '../ui/format.ts';
import { popupView } from './view-store.ts';

const rateAttr = (r: number | null) => (r === null ? '' : String(Math.round(r * 10000) / 10000));
const rateText = (r: number | null) => (r === null ? '—' : formatPercent(r));

/**
 * The member's good-faith record on this device (automation hooks `good-faith-stats`,
 * `stats-window`), and a warning when the 90-day figures near the fast-lane thresholds.
 * The clock only moves the window, so it is read once per minute of the shared tick.
 */
export function GoodFaithPanel({ records }: { records: TakedownRecord[] }) {
  const window = useStore(popupView, (s) => s.statsWindow);
  const minute = useStore(popupView, (s) => Math.floor(s.now / 60_000));
  const stats = useMemo(() => goodFaith(records, window, new Date(minute * 60_000)), [records, window, minute]);
  const ninety = useMemo(() => (window === '90d' ? stats : goodFaith(records, '90d', new Date(minute * 60_000))), [records, window, minute, stats]);
  const warnings = nearThresholds(ninety);
  return (
    <section class="stats small" aria-label={t('popup_stats_title')}>
      <div
        class="stats-figures"
        data-testid="good-faith-stats"
        data-window={window}
        data-success-rate={rateAttr(stats.successRate)}
        data-counter-notice-rate={rateAttr(stats.counterNoticeRate)}
        data-within-sla-rate={rateAttr(stats.withinSlaRate)}
        data-resolved={String(stats.takenDown + stats.rejected + stats.reinstated)}
      >
        <span title={t('popup_stats_success_help')}>
          {t('popup_stats_success')} <strong>{rateText(stats.successRate)}</strong>
        </span>
        <span title={t('popup_stats_counter_help')}>
          {t('popup_stats_counter')} <strong>{rateText(stats.counterNoticeRate)}</strong>
        </span>
        <span title={t('popup_stats_sla_help')}>
          {t('popup_stats_sla')} <strong>{rateText(stats.withinSlaRate)}</strong>
        </span>
        <select
          data-testid="stats-window"
          aria-label={t('popup_stats_window')}
          value={window}
          onChange={(e) => popupView.setState({ statsWindow: e.currentTarget.value as StatsWindow })}
        >
          {(Object.keys(STATS_WINDOWS) as StatsWindow[]).map((w) => (
            <option key={w} value={w}>
              {t('popup_stats_days', String(STATS_WINDOWS[w]))}
            </option>
          ))}
        </select>
      </div>
      {warnings.length > 0 && (
        <p class="stats-warning" role="status" data-testid="good-faith-warning" data-kinds={warnings.map((w) => w.kind).join(' ')}>
          {warnings
            .map((w) =>
              w.kind === 'success'
                ? t('popup_stats_warn_success', [formatPercent(w.rate), formatPercent(NEAR.success), formatPercent(0.9)])
                : t('popup_stats_warn_counter', [formatPercent(w.rate), formatPercent(0.05)]),
            )
            .join(' ')}
        </p>
      )}
    </section>
  );
}
