import { drainOutbox } from './outbox/sender.ts';
import { earliestOutboxDue, makeAllDue } from './outbox/store.ts';
import { probeIfDue, probeNow } from './outbox/probe.ts';
import { getPace } from './outbox/pace-store.ts';
import { wakeAt } from './outbox/pace.ts';
import { answerPings } from './outbox/liveness.ts';
import { pollCases } from './sync/poll.ts';
import { drainAnswers, makeAnswersDue, nextAnswerDue } from './answers.ts';
import { notifyChanges, refreshBadge } from './attention.ts';
import { ext } from '../shared/browser.ts';
import { getPause } from '../shared/db/kv.ts';

export const ALARMS = { outbox: 'outbox', poll: 'poll' } as const;
const POLL_MINUTES = 1;

// One id per worker instance: the lease tells a live sender from one a killed worker left.
const owner = crypto.randomUUID();

/** Lets a later worker instance see that this one is alive and holds the lease rightly. */
export function startLivenessResponder(): void {
  answerPings(owner);
}

/** The periodic alarms, re-created at every worker start: Chrome may drop them on restart or update. */
export async function ensureAlarms(): Promise<void> {
  if (!(await ext.alarms.get(ALARMS.poll))) await ext.alarms.create(ALARMS.poll, { periodInMinutes: POLL_MINUTES });
  if (!(await ext.alarms.get(ALARMS.outbox))) await ext.alarms.create(ALARMS.outbox, { periodInMinutes: 1 });
}

let running: Promise<void> | null = null;
let again = false;
let probeFirst = false;

const online = () => navigator.onLine !== false;
const paceDeps = { now: Date.now, random: Math.random, online };

/**
 * Sends what is due. Triggers (a new request, an alarm, coming online, "send now") may
 * arrive while a drain runs: they fold into one more pass instead of a second sender.
 * `probe` (coming online): ask the service first, and if it answers send everything at once.
 */
export function kick(opts: { now?: boolean; probe?: boolean } = {}): Promise<void> {
  if (opts.probe) probeFirst = true;
  if (running) {
    again = true;
    if (opts.now) void makeAllDue(Date.now()).then(() => makeAnswersDue(Date.now()));
    return running;
  }
  running = (async () => {
    if (opts.now) await Promise.all([makeAllDue(Date.now()), makeAnswersDue(Date.now())]);
    // A watchdog, kept a few seconds ahead for as long as a drain runs: if Chrome kills this
    // worker mid-send (even inside one slow call), the alarm wakes the next one, which takes
    // over the lease and resends the stored batch.
    const beforeBatch = () => ext.alarms.create(RETRY_ALARM, { when: Date.now() + WATCHDOG_MS });
    const watchdog = setInterval(() => void beforeBatch(), WATCHDOG_MS / 2);
    try {
      do {
        again = false;
        if (probeFirst) {
          probeFirst = false;
          // A network that is up is not yet the service (a captive portal): one cheap call says.
          if (await probeNow(paceDeps).catch(() => false)) await makeAllDue(Date.now());
        }
        await drainOutbox({ now: Date.now, random: Math.random, newId: () => crypto.randomUUID(), owner, beforeBatch }).catch((err) =>
          console.error('outbox drain failed', err),
        );
        await drainAnswers({ now: () => new Date(), owner, random: Math.random, online }).catch((err) => console.error('answer drain failed', err));
        // While a long backoff runs, the planned probe asks whether the service is back: if so, drain now.
        if (await probeIfDue(paceDeps).catch(() => false)) again = true;
      } while (again);
    } finally {
      clearInterval(watchdog);
    }
    await scheduleWake();
    await refreshBadge().catch(() => undefined);
  })().finally(() => {
    running = null;
    // A trigger that came after the last pass (while the wake-up was set) would otherwise be
    // lost: new settings after a refused token waited for the next minute's alarm.
    if (again) {
      again = false;
      void kick();
    }
  });
  return running;
}

const RETRY_ALARM = `${ALARMS.outbox}-retry`;
// Short, because a worker stopped mid-drain is dead until it fires: at 5 s a drain of hundreds
// of uploads under frequent stops spent most of its time waiting for it. (A packed extension's
// alarms come at least 30 s apart whatever is asked; Chrome stops a busy worker far less often.)
const WATCHDOG_MS = 2_000;

/**
 * Wakes the worker when the next retry or the probe is due (a packed extension's alarms fire
 * at most every 30 s), in an alarm so that it survives the worker being stopped.
 */
async function scheduleWake(): Promise<void> {
  // A paused queue (refused token) waits for new settings, which kick it themselves: waking
  // every second only to find it paused would cost battery and prove nothing.
  if (await getPause()) {
    await ext.alarms.clear(RETRY_ALARM);
    return;
  }
  const due = [await earliestOutboxDue(), await nextAnswerDue()].filter((t): t is number => t !== null);
  const when = wakeAt(await getPace(), due, online());
  if (when === null) {
    await ext.alarms.clear(RETRY_ALARM);
    return;
  }
  await ext.alarms.create(RETRY_ALARM, { when: Math.max(when, Date.now() + 1000) });
}

let polling: Promise<void> | null = null;

/** One poll at a time: the alarm and an opened popup may ask together. */
export function poll(): Promise<void> {
  polling ??= (async () => {
    const changes = await pollCases(() => new Date()).catch((err) => {
      console.error('case poll failed', err);
      return [];
    });
    await notifyChanges(changes).catch(() => undefined);
    await refreshBadge().catch(() => undefined);
  })().finally(() => {
    polling = null;
  });
  return polling;
}
