import { describe, expect, it } from 'vitest';
import { frameQueue } from './frame-queue.ts';

describe('frameQueue', () => {
  it('spreads work over frames, at most the budget per frame (at least one task)', () => {
    let t = 0;
    const frames: (() => void)[] = [];
    const q = frameQueue((fn) => void frames.push(fn), 8, () => t);
    const ran: number[] = [];
    for (let i = 0; i < 10; i++) q.push(() => ((t += 3), ran.push(i)));
    expect(frames).toHaveLength(1); // one frame requested, however many tasks
    frames.shift()!();
    expect(ran).toEqual([0, 1, 2]); // 3 ms each: 0, 3, 6 < 8, then 9 is over budget
    frames.shift()!();
    expect(ran).toHaveLength(6);
    q.push(() => void (t += 100));
    while (frames.length) frames.shift()!();
    expect(ran).toHaveLength(10);
  });

  it('keeps going after a task throws, and does nothing once stopped', () => {
    const frames: (() => void)[] = [];
    const q = frameQueue((fn) => void frames.push(fn));
    const ran: string[] = [];
    q.push(() => {
      throw new Error('bad card');
    });
    q.push(() => void ran.push('next'));
    frames.shift()!();
    expect(ran).toEqual(['next']);
    q.push(() => void ran.push('late'));
    q.stop();
    frames.forEach((f) => f());
    expect(ran).toEqual(['next']);
  });
});
