import { act } from 'preact/test-utils';

/** Polls `check` between rendered turns (act) until it gives something truthy, or fails naming `what`. */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string, tries = 400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const got = check();
    if (got) return got;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`timed out waiting for ${what}`);
}
