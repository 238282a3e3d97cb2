import type { Listing } from '../shared/model.ts';
import type { RequestOf, ResponseOf } from '../shared/messages.ts';
import type { PageState } from './page-state.ts';

type Ask = {
  get: () => Promise<ResponseOf<'selectionGet'>>;
  set: (payload: RequestOf<'selectionSet'>) => Promise<unknown>;
};

/**
 * Keeps the page's selection in the worker, which holds it per tab for the search (see
 * background/selection-store.ts): what was selected on earlier result pages is added when the
 * page starts, and every change is sent back at once, in the task of the click (a "select
 * all" or a range is one change, so one message): a user who pages on right after a click
 * loses nothing to a timer that never fired. The page itself never keeps it. Nothing is sent
 * before the worker's copy is read, so a click in the first moment does not replace what
 * earlier pages selected.
 */
export function syncSelection(state: PageState, ask: Ask, signal: AbortSignal): void {
  let loaded = false;
  let dirty = false;
  let queued = false;
  const push = () => {
    queued = false;
    if (!loaded || !dirty) return;
    dirty = false;
    const listings = [...state.selected.values()];
    const again = listings.filter((l) => state.again.has(l.itemId)).map((l) => l.itemId);
    ask.set({ listings, ...(again.length ? { again } : {}) }).catch(() => undefined); // the worker may be restarting: the next change sends all again
  };
  const unsubscribe = state.subscribe((change) => {
    if (!change.selection) return;
    dirty = true;
    // Changes made in one task (flagged() emits twice) go in one message.
    if (loaded && !signal.aborted && !queued) (queued = true), queueMicrotask(push);
  });
  ask.get().then(
    (res) => {
      if (signal.aborted) return;
      loaded = true;
      const earlier: Listing[] = Array.isArray(res?.listings) ? res.listings : [];
      const before = state.selected.size;
      state.restore(earlier, Array.isArray(res?.again) ? res.again : []);
      // A click came first: the union goes back to the worker.
      if (before) (dirty = true), push();
      else dirty = false;
    },
    () => void (loaded = true), // no worker copy: this page's selection is kept from now on
  );
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      if (dirty) push();
    },
    { once: true },
  );
}
