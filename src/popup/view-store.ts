import { createStore } from 'zustand/vanilla';

/** View state only: the ticking clock and the search text. Requests come from IndexedDB. */
export interface PopupView {
  now: number;
  filter: string;
}

export const popupView = createStore<PopupView>()(() => ({ now: Date.now(), filter: '' }));

export const setFilter = (filter: string) => popupView.setState({ filter });

/** One shared 1 s tick for every countdown on the page. */
export function startClock(): () => void {
  popupView.setState({ now: Date.now() });
  const id = setInterval(() => popupView.setState({ now: Date.now() }), 1000);
  return () => clearInterval(id);
}
