import { act } from 'preact/test-utils';

/**
 * The one waiting helper of the unit tests: polls `check` between turns of the event loop
 * (inside act, so Preact has rendered) until it gives something truthy, or fails naming
 * `what`. Wait for what a user would notice, never for a fixed time.
 */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string, tries = 400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const got = check();
    if (got) return got;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`timed out waiting for ${what}`);
}
