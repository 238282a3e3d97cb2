import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyComponent<P> {
  (props: P): ComponentChildren;
  /** Starts loading now (e.g. just after the first paint), so it is there when first shown. */
  preload(): void;
}

/**
 * A component whose module is imported on first use, showing `fallback` until it is: parts
 * of a page its first paint does not need stay out of the first paint's chunks.
 * (preact/compat's lazy would bring compat and Suspense for this.)
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, fallback: () => ComponentChildren = () => null): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P> | null> | null = null;
  const start = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      () => ((loading = null), null), // a failed load is tried again by the next render
    ));
  const Lazy = (props: P) => {
    const [, setReady] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let alive = true;
      void start().then((c) => alive && c && setReady(1));
      return () => {
        alive = false;
      };
    });
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : fallback();
  };
  Lazy.preload = () => void start();
  return Lazy;
}
