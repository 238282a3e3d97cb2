/** Chrome allows about two captureVisibleTab calls a second; a little more than half a second apart is safe. */
export const CAPTURE_GAP_MS = 550;

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** Spaces calls at least `gapMs` apart (across flags too: the limit is the browser's). */
export class Pacer {
  private last = -Infinity;
  constructor(
    private readonly clock: Clock = realClock,
    readonly gapMs = CAPTURE_GAP_MS,
  ) {}

  /** Waits for this caller's turn and takes it. */
  async turn(): Promise<void> {
    const wait = this.last + this.gapMs - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
    this.last = this.clock.now();
  }

  sleep(ms: number): Promise<void> {
    return this.clock.sleep(ms);
  }
}

/** Chrome's error when captures come too fast. */
export const isRateLimited = (err: unknown): boolean => /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String((err as Error)?.message ?? err));
