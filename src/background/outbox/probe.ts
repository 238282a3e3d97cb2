import { getPause, getSettings } from '../../shared/db/kv.ts';
import { getMe } from '../../shared/api/client.ts';
import { earliestOutboxDue } from './store.ts';
import { getPace, serviceAnswered, updatePace } from './pace-store.ts';
import { afterFailedProbe, probeDue } from './pace.ts';

/**
 * The "service is back" probe: one GET /v1/me, the cheapest call that needs the token, run
 * while the queue waits out a long backoff. It sends nothing of ours, so it needs no lease.
 */
export interface ProbeDeps {
  now: () => number;
  random: () => number;
  online: () => boolean;
}

/** Shorter than a call's own timeout: a probe that hangs says as much as one that fails. */
const PROBE_TIMEOUT_MS = 8_000;

/**
 * Asks the service now. true when it answered (even a refusal: then the queue's own call meets
 * it and says so); what waits out a backoff is then due at once, its failure count kept.
 */
export async function probeNow(deps: ProbeDeps): Promise<boolean> {
  const settings = await getSettings();
  if (!settings.baseUrl || !settings.token || (await getPause())) return false;
  const res = await getMe({ baseUrl: settings.baseUrl, token: settings.token }, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  const now = deps.now();
  if (res.ok || (res.kind !== 'transient' && res.kind !== 'rate_limited')) {
    await serviceAnswered(now, { keepAttempts: true });
    return true;
  }
  await updatePace((p) => afterFailedProbe(p, now, res.retryAfterMs, deps.random));
  return false;
}

/** Runs the probe if one is planned for now and the queue still waits; true when the service is back. */
export async function probeIfDue(deps: ProbeDeps): Promise<boolean> {
  const now = deps.now();
  if (!probeDue(await getPace(), now, deps.online(), await earliestOutboxDue())) return false;
  return probeNow(deps);
}
