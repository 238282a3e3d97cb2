import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/**
 * Renders only the items in view (plus a margin), so the popup costs the same with 50 or
 * 5,000 requests. Items have fixed heights per kind, which keeps the arithmetic exact and
 * scrolling free of layout reads. A sticky item (a group header) stays rendered while any
 * of its followers is, so the header of the group in view stays on top.
 */
export interface VirtualItem {
  key: string;
  height: number;
  sticky?: boolean;
}

const OVERSCAN_PX = 240;
/** Without layout (before the first paint, or in tests) assume a popup-sized viewport. */
const FALLBACK_VIEWPORT = 560;

export function VirtualList<T extends VirtualItem>({
  items,
  render,
  scrollTo,
  label,
}: {
  items: readonly T[];
  render: (item: T, index: number) => ComponentChildren;
  /** An index to bring into view (keyboard navigation). */
  scrollTo: number | null;
  label: string;
}) {
  const box = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);

  const offsets: number[] = new Array(items.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < items.length; i++) offsets[i + 1] = offsets[i]! + items[i]!.height;
  const total = offsets[items.length]!;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (el.clientHeight > 0) setViewport(el.clientHeight);
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || scrollTo === null || scrollTo >= items.length) return;
    const top = offsets[scrollTo]!;
    const bottom = offsets[scrollTo + 1]!;
    // Leave room for the sticky header above the row.
    const header = 28;
    if (top - header < el.scrollTop) el.scrollTop = Math.max(0, top - header);
    else if (bottom > el.scrollTop + viewport) el.scrollTop = bottom - viewport;
  }, [scrollTo]);

  const from = Math.max(0, scrollTop - OVERSCAN_PX);
  const to = scrollTop + viewport + OVERSCAN_PX;
  let first = 0;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= from) lo = mid + 1;
    else hi = mid;
  }
  first = lo;
  let last = first;
  while (last < items.length && offsets[last]! < to) last++;
  // The sticky item governing the first rendered one.
  let sticky = -1;
  for (let i = first; i >= 0; i--) {
    if (items[i]?.sticky) {
      sticky = i;
      break;
    }
  }
  const start = sticky >= 0 && sticky < first ? sticky : first;
  // The sticky header sits in flow just above the first rendered row, so the spacer shrinks by its height.
  const topPad = sticky >= 0 && sticky < first ? offsets[first]! - items[sticky]!.height : offsets[first]!;
  const shown: { item: T; index: number }[] = [];
  if (start !== first) shown.push({ item: items[start]!, index: start });
  for (let i = first; i < last; i++) shown.push({ item: items[i]!, index: i });

  return (
    <section class="vlist" ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} aria-label={label} data-total={String(items.length)}>
      <div style={{ height: `${total}px`, position: 'relative' }}>
        <div style={{ height: `${topPad}px` }} />
        {shown.map(({ item, index }) => render(item, index))}
      </div>
    </section>
  );
}
