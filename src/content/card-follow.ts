import type { ItemAnnotation, RequestOf, ResponseOf } from '../shared/messages.ts';
import { isResolvedStatus } from '../shared/api/statuses.ts';
import { LOOKUP_MAX } from '../shared/wire.ts';
import type { PageState } from './page-state.ts';

type Lookup = (payload: RequestOf<'lookup'>) => Promise<ResponseOf<'lookup'>>;

export interface FollowOptions {
  /** While a card's evidence is being captured: its state changes within seconds. */
  fastMs?: number;
  /** Otherwise (a case waits on the service): as often as the item page asks. */
  slowMs?: number;
}

const same = (a: ItemAnnotation, b: ItemAnnotation) =>
  a.state === b.state && a.slaDueAt === b.slaDueAt && a.caseId === b.caseId && a.clientRequestId === b.clientRequestId;

/**
 * Keeps the cards' status labels following their requests without a reload (capturing →
 * queued → received → taken_down …): the page's unresolved requests are asked about in one
 * lookup now and then, while the page is on screen, as the item page does for its one
 * listing. Only the cards whose request changed are re-rendered. A page with no unresolved
 * request asks nothing.
 */
export function followCards(state: PageState, ask: Lookup, doc: Document, signal: AbortSignal, opts: FollowOptions = {}): { now(): void } {
  const fastMs = opts.fastMs ?? 1_000;
  const slowMs = opts.slowMs ?? 5_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asking = false;

  const open = () => [...state.annotations.values()].filter((a) => !isResolvedStatus(a.state));
  const schedule = () => {
    clearTimeout(timer);
    timer = undefined;
    if (signal.aborted) return;
    const pending = open();
    if (!pending.length) return;
    timer = setTimeout(tick, pending.some((a) => a.state === 'capturing') ? fastMs : slowMs);
  };
  const tick = () => {
    timer = undefined;
    if (signal.aborted || asking) return;
    if (doc.visibilityState === 'hidden') return; // asked again when the page is shown
    const items = open().slice(0, LOOKUP_MAX).map((a) => ({ marketplace: a.marketplace, itemId: a.itemId }));
    if (!items.length) return;
    asking = true;
    ask({ items, sellers: [] })
      .then(
        (res) => {
          if (signal.aborted || !Array.isArray(res?.annotations)) return;
          const changed = res.annotations.filter((a) => {
            const was = state.annotations.get(a.itemId);
            return !was || !same(was, a);
          });
          if (changed.length) state.annotate(changed);
        },
        () => undefined, // a worker being restarted: the next tick asks again
      )
      .finally(() => {
        asking = false;
        schedule();
      });
  };
  const shown = () => doc.visibilityState === 'visible' && tick();
  doc.addEventListener('visibilitychange', shown, { signal });
  // New requests (a flag, a lookup that found some) start the follow if it was idle.
  const unsubscribe = state.subscribe((change) => !change.selection && timer === undefined && !asking && schedule());
  signal.addEventListener('abort', () => (clearTimeout(timer), unsubscribe()), { once: true });
  return { now: tick };
}
