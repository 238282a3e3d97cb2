import { useMemo, useState } from 'preact/hooks';
import type { IpRight, QueuePause, TakedownRecord } from '../shared/model.ts';
import { t, type MessageKey } from '../shared/i18n.ts';
import { useStore } from '../ui/use-store.ts';
import { popupView } from './view-store.ts';
import { applyFilters, groupRequests, hasFilters, type GroupId } from './groups.ts';
import { RequestRow, ROW_HEIGHT } from './request-row.tsx';
import { ExportBar } from './export-buttons.tsx';
import { VirtualList, type VirtualItem } from './virtual-list.tsx';

const HEADER_HEIGHT = 28;

const GROUP_KEYS: Record<GroupId, MessageKey> = {
  needs_you: 'popup_group_needs_you',
  queued: 'popup_group_queued',
  open: 'popup_group_open',
  resolved: 'popup_group_resolved',
};

type Item = (VirtualItem & { kind: 'header'; group: GroupId; count: number }) | (VirtualItem & { kind: 'row'; record: TakedownRecord });

export function RequestList({
  records,
  pause,
  ipRights,
  counts,
}: {
  records: TakedownRecord[];
  pause: QueuePause | null;
  ipRights: IpRight[];
  /** The sizes of the groups of `records` while it holds only the first screen's rows (the first paint). */
  counts: Partial<Record<GroupId, number>> | null;
}) {
  const filters = useStore(popupView, (s) => s.filters);
  const paused = pause !== null;
  const matching = useMemo(() => applyFilters(records, filters, paused), [records, filters, paused]);
  const groups = useMemo(() => groupRequests(matching, paused), [matching, paused]);
  const filtered = hasFilters(filters);
  const items = useMemo(() => {
    const out: Item[] = [];
    for (const g of groups) {
      const count = (filtered ? undefined : counts?.[g.id]) ?? g.records.length;
      out.push({ kind: 'header', key: `h:${g.id}`, height: HEADER_HEIGHT, sticky: true, group: g.id, count });
      for (const r of g.records) out.push({ kind: 'row', key: r.clientRequestId, height: ROW_HEIGHT, record: r });
    }
    return out;
  }, [groups, counts, filtered]);
  const shown = useMemo(() => groups.flatMap((g) => g.records), [groups]);
  // Roving focus: one Tab stop for the whole list; arrows move between rows.
  const [active, setActive] = useState(0);
  const [scrollTo, setScrollTo] = useState<number | null>(null);
  const activeIndex = Math.min(active, items.length - 1);
  const firstRow = items.findIndex((i) => i.kind === 'row');
  const current = items[activeIndex]?.kind === 'row' ? activeIndex : firstRow;

  const move = (from: number, step: number) => {
    let i = from + step;
    while (i >= 0 && i < items.length && items[i]!.kind !== 'row') i += step;
    if (i < 0 || i >= items.length) return;
    setActive(i);
    setScrollTo(i);
    // Focus after the row is rendered.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const index = Number((e.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index ?? -1);
    if (index < 0 || (e.target as HTMLElement).matches('input, textarea, select')) return;
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'PageDown' ? 6 : e.key === 'PageUp' ? -6 : 0;
    if (step !== 0) {
      e.preventDefault();
      move(index, step);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      move(e.key === 'Home' ? -1 : items.length, e.key === 'Home' ? 1 : -1);
    }
  };

  return (
    <>
      <ExportBar records={records} shown={shown} paused={paused} />
      {items.length === 0 ? (
        <p class="muted pad-s">{hasFilters(filters) ? t('popup_no_match', filters.text.trim() || '…') : t('popup_no_requests')}</p>
      ) : (
        <div onKeyDown={onKeyDown}>
          <VirtualList
            items={items}
            scrollTo={scrollTo}
            label={t('popup_list_label')}
            render={(item, index) =>
              item.kind === 'header' ? (
                <h2 key={item.key} class={`group-head group-${item.group}`} data-testid="group-header" data-group={item.group} data-count={String(item.count)} style={{ height: `${item.height}px` }}>
                  {t(GROUP_KEYS[item.group])} <span class="count">{item.count}</span>
                </h2>
              ) : (
                <RequestRow key={item.key} index={index} active={index === current} onFocusRow={() => setActive(index)} record={item.record} pause={pause} ipRights={ipRights} />
              )
            }
          />
        </div>
      )}
    </>
  );
}
