import { ext } from '../../shared/browser.ts';
import { makeStampsDue, stampDue } from './stamper.ts';

export const STAMP_ALARM = 'stamp';
/**
 * How long a new flag's sending waits for its stamp, so that a stamp from a TSA that answers
 * promptly goes with the request. A TSA that fails answers sooner; one that hangs delays
 * sending by this much at most, never longer.
 */
export const STAMP_HEAD_START_MS = 3_000;

let running: Promise<void> | null = null;
let again = false;

/**
 * Stamps what is due. Triggers (a new flag, the alarm, coming online, "send now", a worker
 * start) that arrive during a run fold into one more pass instead of a second stamper.
 */
export function runStamps(opts: { now?: boolean } = {}): Promise<void> {
  if (running) {
    again = true;
    if (opts.now) void makeStampsDue(Date.now());
    return running;
  }
  running = (async () => {
    if (opts.now) await makeStampsDue(Date.now());
    let next: number | null = null;
    do {
      again = false;
      next = await stampDue({ now: Date.now, random: Math.random, online: () => globalThis.navigator?.onLine !== false }).catch((err: unknown) => {
        console.error('stamping failed', err);
        return Date.now() + 60_000;
      });
    } while (again);
    // The alarm is the durable part: a killed worker is woken to try again, and every worker
    // start runs this too, so an alarm lost in a browser restart is made again.
    if (next === null) await ext.alarms.clear(STAMP_ALARM);
    else await ext.alarms.create(STAMP_ALARM, { when: Math.max(next, Date.now() + 1000) });
  })().finally(() => {
    running = null;
  });
  return running;
}

/** After a flag: give its stamp a short head start, then send whatever is queued. */
export async function stampThenSend(send: () => Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([runStamps(), new Promise((r) => (timer = setTimeout(r, STAMP_HEAD_START_MS)))]);
  clearTimeout(timer);
  await send();
}
