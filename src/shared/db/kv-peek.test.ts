import { describe, expect, it } from 'vitest';
import { db } from './open.ts';
import { getPause, setPause } from './kv.ts';
import { looksLikePause, peekPause } from './kv-peek.ts';
import { QueuePause } from '../model.ts';

const pause = { code: 'unauthorized', message: 'The token was refused', at: '2026-11-24T02:00:00.000Z' };

describe('peeking at the queue pause without its schema', () => {
  it('agrees with the QueuePause schema on what is a pause', () => {
    const samples: unknown[] = [
      pause,
      { ...pause, extra: 1 },
      { code: 'unauthorized', message: 'no time' },
      { ...pause, at: 7 },
      { ...pause, code: null },
      'unauthorized',
      null,
      undefined,
      [],
    ];
    for (const s of samples) expect(looksLikePause(s), JSON.stringify(s)).toBe(QueuePause.safeParse(s).success);
  });

  it('reads what kv.ts reads: the stored pause, none, or none for a damaged entry', async () => {
    expect(await peekPause()).toBeNull();
    await setPause(pause);
    expect(await peekPause()).toEqual(await getPause());
    expect(await peekPause()).toEqual(pause);
    await (await db()).put('kv', { ...pause, message: 42 }, 'queuePause');
    expect(await getPause()).toBeNull();
    expect(await peekPause()).toBeNull();
  });
});
