import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerPings, isAlive } from './liveness.ts';

// Web Locks as the browser keeps them: a lock is held until its callback's promise settles,
// and (what the fake stands in for) until the context that holds it dies.
function fakeLocks() {
  const held = new Map<string, () => void>();
  return {
    manager: {
      request(name: string, cb: () => Promise<unknown>) {
        return new Promise((resolve) => {
          held.set(name, () => resolve(undefined));
          void cb().then(resolve);
        });
      },
      query: async () => ({ held: [...held.keys()].map((name) => ({ name, mode: 'exclusive' })), pending: [] }),
    },
    /** The context holding `name` died: the browser frees its locks. */
    die(name: string) {
      held.delete(name);
    },
    names: () => [...held.keys()],
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the sender lease holder\'s liveness', () => {
  it('knows a killed worker is dead at once from its released life lock, without waiting out the ping', async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks: locks.manager });
    const stop = answerPings('worker-b');
    await Promise.resolve();
    expect(await isAlive('worker-b')).toBe(true);
    // Killed: its lock is gone and it answers no ping. The ping's timeout can never fire
    // here (fake timers), so only the lock can give the answer.
    stop();
    locks.die(locks.names()[0]!);
    vi.useFakeTimers();
    await expect(isAlive('worker-b', 60_000)).resolves.toBe(false);
  });

  it('asks by ping when a life lock is still listed, and when the browser has no Web Locks', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks().manager });
    const stop = answerPings('worker-c');
    expect(await isAlive('worker-c')).toBe(true);
    stop(); // Its lock still listed (not yet torn down), but it answers no ping: dead after the timeout.
    expect(await isAlive('worker-c', 20)).toBe(false);

    vi.stubGlobal('navigator', {});
    const stopD = answerPings('worker-d');
    expect(await isAlive('worker-d')).toBe(true);
    stopD();
    expect(await isAlive('worker-d', 20)).toBe(false);
  });
});
