/** Runs `fn` before the next frame; injectable so tests can step frames by hand. */
export type Schedule = (fn: () => void) => void;

/**
 * Frames stop in background tabs, and in Chromium a requested frame was seen never to come
 * on a busy cold start (a 500-card page, first load): a timer takes over when the frame is
 * late, so the work never stalls.
 */
const LATE_MS = 100;

export const nextFrame: Schedule = (fn) => {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    fn();
  };
  const frame = requestAnimationFrame(go);
  const timer = setTimeout(go, LATE_MS);
};

export interface FrameQueue {
  /** Urgent tasks (annotating what is on screen) run before the others. */
  push(task: () => void, urgent?: boolean): void;
  stop(): void;
}

type Task = () => void;

/** First in, first out, without shifting arrays (a big page queues thousands of tasks). */
class Fifo {
  private items: (Task | undefined)[] = [];
  private head = 0;
  get size() {
    return this.items.length - this.head;
  }
  push(t: Task) {
    this.items.push(t);
  }
  take(): Task {
    const t = this.items[this.head]!;
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) (this.items = this.items.slice(this.head)), (this.head = 0);
    return t;
  }
  clear() {
    this.items = [];
    this.head = 0;
  }
}

/**
 * Work that touches the page runs in frames, at most `budgetMs` per frame, so that a page
 * of hundreds of cards never gets a long task from us: what does not fit waits for the
 * next frame. Tasks should be small (one subtree to scan, one chunk of cards to register).
 */
export function frameQueue(schedule: Schedule = nextFrame, budgetMs = 8, clock: () => number = () => performance.now()): FrameQueue {
  const urgent = new Fifo();
  const normal = new Fifo();
  let armed = false;
  let stopped = false;

  const run = () => {
    armed = false;
    if (stopped) return;
    const end = clock() + budgetMs;
    let ran = 0;
    // A task may push more tasks: they join this frame's work while the budget lasts.
    while (!stopped && urgent.size + normal.size > 0 && (ran === 0 || clock() < end)) {
      const task = urgent.size ? urgent.take() : normal.take();
      ran++;
      try {
        task();
      } catch {
        // one bad card or a strange page must not stop the rest
      }
    }
    if (urgent.size + normal.size > 0) arm();
  };
  const arm = () => {
    if (armed || stopped) return;
    armed = true;
    schedule(run);
  };

  return {
    push(task, isUrgent = false) {
      if (stopped) return;
      (isUrgent ? urgent : normal).push(task);
      arm();
    },
    stop() {
      stopped = true;
      urgent.clear();
      normal.clear();
    },
  };
}
