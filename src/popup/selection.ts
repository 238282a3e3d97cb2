import { createStore } from 'zustand/vanilla';

/** Which requests are ticked for "Export selected" (view state: not stored). */
export const selection = createStore<{ ids: ReadonlySet<string> }>()(() => ({ ids: new Set<string>() }));

export function toggleSelected(id: string, on: boolean): void {
  const ids = new Set(selection.getState().ids);
  if (on) ids.add(id);
  else ids.delete(id);
  selection.setState({ ids });
}

export const clearSelection = () => selection.setState({ ids: new Set<string>() });
