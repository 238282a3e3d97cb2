import type { RequestOf, ResponseOf } from '../shared/messages.ts';
import { askWorker } from './ask-worker.ts';

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, and some marketplace pages are http. */
export function newSubmitId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface RetryOptions {
  /** How long to keep trying a worker that does not answer. */
  withinMs?: number;
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Sends a flag until the worker answers. MV3 stops the worker when it likes (a long batch,
 * an update, a crash): a message in flight then fails although the requests may already be
 * stored. The submit id makes a resend safe: the worker answers it with the first answer.
 */
export async function sendFlag(payload: RequestOf<'flag'> & { submitId: string }, opts: RetryOptions = {}): Promise<ResponseOf<'flag'>> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const end = now() + (opts.withinMs ?? 20_000);
  for (;;) {
    try {
      return await askWorker('flag', payload);
    } catch (err) {
      if (now() >= end) throw err;
      await sleep(opts.waitMs ?? 400);
    }
  }
}
