import { useMessageTable } from '../shared/i18n.ts';
import { askWorker } from './ask-worker.ts';

/** Longer than a cold worker start (≈ 150 ms): past it the page asks the browser itself. */
const WAIT_MS = 1500;

let ready: Promise<void> | null = null;

/**
 * The page's strings from the worker, asked once per page before its UI is drawn (see
 * i18n.ts useMessageTable: the browser's own first getMessage in a tab blocks it ≈ 20 ms).
 * Never fails: with no usable answer in time, `t` keeps asking the browser, string by string.
 */
export function pageStrings(): Promise<void> {
  return (ready ??= loadPageStrings(askWorker, WAIT_MS));
}

/** One asking, and the table put to use when the answer is sound. */
export function loadPageStrings(ask: typeof askWorker, waitMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    ask('pageStrings', {}).then(
      (answer) => {
        const strings = answer?.strings;
        if (strings && typeof strings === 'object' && Object.values(strings).every((s) => typeof s === 'string')) useMessageTable(strings);
        clearTimeout(timer);
        resolve();
      },
      () => (clearTimeout(timer), resolve()),
    );
  });
}
