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
 * page starts, and every change is sent back (debounced: a "select all" is one message). The
 * page itself never keeps it. Nothing is sent before the worker's copy is read, so a click in
 * the first moment does not replace what earlier pages selected; a change still waiting when
 * the page goes (paging on) is sent at once.
 */
export function syncSelection(state: PageState, ask: Ask, signal: AbortSignal, debounceMs = 150): void {
  let loaded = false;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const push = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!loaded || !dirty) return;
    dirty = false;
    ask.set({ listings: [...state.selected.values()] }).catch(() => undefined); // the worker may be restarting: the next change sends all again
  };
  const unsubscribe = state.subscribe((change) => {
    if (!change.selection) return;
    dirty = true;
    if (loaded && !signal.aborted) (clearTimeout(timer), (timer = setTimeout(push, debounceMs)));
  });
  ask.get().then(
    (res) => {
      if (signal.aborted) return;
      loaded = true;
      const earlier: Listing[] = Array.isArray(res?.listings) ? res.listings : [];
      const before = state.selected.size;
      state.restore(earlier);
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
