/**
 * State kept once per JavaScript world (a page's content-script world, an extension page),
 * whichever copy of a module asks for it.
 *
 * A marketplace page runs our classic content script, and may later load on-demand ES-module
 * chunks (the item page, the flag form, the capture responder) that carry their own copies of
 * the modules they share with it (src/cli/classic-content-scripts.ts). Module-level state
 * would then exist twice: the capture responder's copy of mount.ts would not know the UI root
 * the search page made, and would replace it. State that must be one per page is kept here,
 * on the world's global object, under a key no page script can see (content scripts run in
 * an isolated world) or guess by accident.
 */
const WORLD = Symbol.for('takedown-flagger.world');

export function worldState<T extends object>(name: string, create: () => T): T {
  const g = globalThis as unknown as Record<symbol, Record<string, object> | undefined>;
  const all = (g[WORLD] ??= {});
  return (all[name] ??= create()) as T;
}
