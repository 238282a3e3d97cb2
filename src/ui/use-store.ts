import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/**
 * Binds a zustand vanilla store to a Preact component. zustand's own hook imports React;
 * this keeps the pages free of preact/compat. Re-renders only when the selected slice changes.
 */
export function useStore<T, U>(store: StoreApi<T>, selector: (state: T) => U): U {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selected = selector(store.getState());
  const latest = useRef({ selector, selected });
  latest.current = { selector, selected };
  useEffect(() => {
    const check = (state: T) => {
      if (!Object.is(latest.current.selector(state), latest.current.selected)) rerender(0);
    };
    check(store.getState()); // a change between render and subscription
    return store.subscribe(check);
  }, [store]);
  return selected;
}
