/**
 * Resolves with `read()`'s first non-null value: at once, or after DOM changes (pages that
 * fill in by XHR after document_idle), or null after `timeoutMs` or on abort. Mutations
 * only schedule a read, at most one per `throttleMs`, so a busy page costs little.
 */
export function waitFor<T>(
  read: () => T | null,
  root: Node,
  signal: AbortSignal,
  { timeoutMs = 10_000, throttleMs = 250 } = {},
): Promise<T | null> {
  const first = signal.aborted ? null : read();
  if (first !== null || signal.aborted) return Promise.resolve(first);
  return new Promise((resolve) => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      pending = undefined;
      const v = read();
      if (v !== null) finish(v);
    };
    const observer = new MutationObserver(() => {
      pending ??= setTimeout(attempt, throttleMs);
    });
    const deadline = setTimeout(() => finish(read()), timeoutMs);
    const onAbort = () => finish(null);
    function finish(v: T | null) {
      observer.disconnect();
      clearTimeout(deadline);
      clearTimeout(pending);
      signal.removeEventListener('abort', onAbort);
      resolve(signal.aborted ? null : v);
    }
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    signal.addEventListener('abort', onAbort);
  });
}
