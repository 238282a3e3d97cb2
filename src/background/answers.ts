import { db } from '../shared/db/open.ts';
import { announce } from '../shared/db/changes.ts';
import { getPause, getSettings, kvGet, kvPut, setPause } from '../shared/db/kv.ts';
import type { RequestOf, ResponseOf } from '../shared/messages.ts';
import type { PendingAnswer, TakedownRecord } from '../shared/model.ts';
import { postResponse, type ApiConfig } from '../shared/api/client.ts';
import { t } from '../shared/i18n.ts';
import { applyCase } from './sync/apply-cases.ts';
import { acquireLease, releaseLease } from './outbox/lease.ts';
import { forgetShas, uploadShas } from './outbox/sender.ts';
import { backoffDelay } from './outbox/backoff.ts';
import { putRequest } from '../shared/db/request-put.ts';

const WAITS_ON_MEMBER = new Set(['needs_info', 'counter_notice']);

type Answer = ResponseOf<'respondToCase'>;
const refuse = (code: string, message: string): Answer => ({ ok: false, error: { code, message } });

export interface AnswerDeps {
  now: () => Date;
  newId: () => string;
}

/**
 * Stores the answer on the request, in one transaction with the list of pending answers:
 * from here on it is sent like a flag (durably, exactly once at the service).
 */
export async function queueAnswer(p: RequestOf<'respondToCase'>, deps: AnswerDeps): Promise<Answer> {
  const database = await db();
  const before = await database.get('requests', p.clientRequestId);
  if (!before) return refuse('not_found', t('answer_error_not_found'));
  if (!before.caseId || !WAITS_ON_MEMBER.has(before.caseStatus ?? '')) return refuse('not_waiting', t('answer_error_not_waiting'));
  const evidence = p.evidence;
  const responseId = deps.newId();
  const now = deps.now();
  const tx = database.transaction(['requests', 'kv'], 'readwrite');
  const r = await tx.objectStore('requests').get(p.clientRequestId);
  if (!r?.caseId) return refuse('not_found', t('answer_error_not_found'));
  if (r.answer && (r.answer.state === 'capturing' || r.answer.state === 'queued' || r.answer.state === 'sending')) return refuse('conflict', t('answer_error_pending'));
  const answer: PendingAnswer = {
    responseId,
    idempotencyKey: deps.newId(),
    caseId: r.caseId,
    body: JSON.stringify({ responseId, message: p.message, evidence }),
    evidence,
    // With a fresh capture asked for, it is stored now (nothing typed is lost) and sent once
    // the capture is added (answer-capture.ts).
    state: p.attachPage ? 'capturing' : 'queued',
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    queuedAt: now.toISOString(),
    sentAt: null,
  };
  await putRequest(tx.objectStore('requests'), { ...r, answer, updatedAt: now.toISOString() });
  // The pending list lets a drain find answers without reading every request.
  const pending = (await kvGet('pendingAnswers', tx.objectStore('kv'))) ?? [];
  await kvPut('pendingAnswers', [...new Set([...pending, r.clientRequestId])], tx.objectStore('kv'));
  await tx.done;
  announce('requests');
  return { ok: true };
}

async function update(id: string, change: (r: TakedownRecord) => TakedownRecord, done: boolean): Promise<void> {
  const tx = (await db()).transaction(['requests', 'kv'], 'readwrite');
  const r = await tx.objectStore('requests').get(id);
  if (r) await putRequest(tx.objectStore('requests'), change(r));
  if (done || !r) {
    const pending = (await kvGet('pendingAnswers', tx.objectStore('kv'))) ?? [];
    await kvPut('pendingAnswers', pending.filter((p) => p !== id), tx.objectStore('kv'));
  }
  await tx.done;
  announce('requests');
}

const withAnswer = (r: TakedownRecord, patch: Partial<PendingAnswer>, now: Date): TakedownRecord => ({
  ...r,
  answer: r.answer ? { ...r.answer, ...patch } : r.answer,
  updatedAt: now.toISOString(),
});

/**
 * Sends the queued answers, each with its stored body and Idempotency-Key (so a retry after
 * a lost reply, a killed worker or a restart is answered from the service's record), under
 * the sender lease. A 202 brings the case back as the service now has it (in_review).
 */
/**
 * While the browser is offline a failed try says nothing about the service: the answer is
 * looked at again this soon (no backoff), and goes at the first look once the browser is
 * online, whatever woke the worker (a service worker does not always hear `online`).
 */
export const OFFLINE_RECHECK_MS = 10_000;
const OFFLINE = 'offline';

export async function drainAnswers(deps: { now: () => Date; owner: string; random: () => number; online?: () => boolean }): Promise<number> {
  const online = deps.online ?? (() => true);
  const database = await db();
  const pending = (await kvGet('pendingAnswers')) ?? [];
  if (pending.length === 0) return 0;
  const settings = await getSettings();
  if (!settings.baseUrl || !settings.token || (await getPause())) return 0;
  if (!(await acquireLease(deps.owner, deps.now().getTime()))) return 0;
  const cfg: ApiConfig = { baseUrl: settings.baseUrl, token: settings.token };
  let sent = 0;
  try {
    for (const id of pending) {
      const r = await database.get('requests', id);
      const a = r?.answer;
      if (!r || !a || a.state === 'sent' || a.state === 'attention') {
        await update(id, (x) => x, true);
        continue;
      }
      const waitedOffline = a.lastError?.code === OFFLINE && online();
      if (a.state === 'capturing' || (a.nextAttemptAt > deps.now().getTime() && !waitedOffline)) continue;
      await update(id, (x) => withAnswer(x, { state: 'sending' }, deps.now()), false);
      const shas = a.evidence.map((e) => e.sha256);
      const upload = await uploadShas(cfg, shas, { files: 0 });
      const res = upload ?? (await postResponse(cfg, a.caseId, a.body, a.idempotencyKey));
      const now = deps.now();
      if (res.ok) {
        const c = res.data;
        await update(
          id,
          (x) => {
            const next = withAnswer(x, { state: 'sent', sentAt: now.toISOString(), lastError: null }, now);
            return applyCase(next, c, now)?.record ?? next;
          },
          true,
        );
        sent++;
        continue;
      }
      const lastError = { code: res.code, message: res.message };
      if (res.kind === 'unauthorized') {
        await update(id, (x) => withAnswer(x, { state: 'queued', lastError }, now), false);
        await setPause({ ...lastError, at: now.toISOString() });
        break;
      }
      if (res.code === 'evidence_missing') {
        await forgetShas(shas);
        await update(id, (x) => withAnswer(x, { state: 'queued', attempts: a.attempts + 1, nextAttemptAt: now.getTime() + backoffDelay(a.attempts, deps.random), lastError }, now), false);
        continue;
      }
      if (res.kind === 'transient' && !online()) {
        const offline = { code: OFFLINE, message: t('answer_waiting_offline') };
        await update(id, (x) => withAnswer(x, { state: 'queued', nextAttemptAt: now.getTime() + OFFLINE_RECHECK_MS, lastError: offline }, now), false);
        continue;
      }
      if (res.kind === 'transient' || res.kind === 'rate_limited') {
        const at = now.getTime() + backoffDelay(a.attempts + 1, deps.random, res.retryAfterMs);
        await update(id, (x) => withAnswer(x, { state: 'queued', attempts: a.attempts + 1, nextAttemptAt: at, lastError }, now), false);
        continue;
      }
      // not_waiting, not_found, a malformed answer: only the user can decide what now.
      await update(id, (x) => withAnswer(x, { state: 'attention', lastError }, now), true);
    }
  } finally {
    await releaseLease(deps.owner);
  }
  return sent;
}

/** Back online or "send now": every queued answer is due at once. */
export async function makeAnswersDue(now: number): Promise<void> {
  const pending = (await kvGet('pendingAnswers')) ?? [];
  const tx = (await db()).transaction('requests', 'readwrite');
  for (const id of pending) {
    const r = await tx.store.get(id);
    if (r?.answer?.state === 'queued' && r.answer.nextAttemptAt > now) await putRequest(tx.store, { ...r, answer: { ...r.answer, nextAttemptAt: now } });
  }
  await tx.done;
}

/** When the next queued answer is due, for the wake-up alarm. */
export async function nextAnswerDue(): Promise<number | null> {
  const database = await db();
  const pending = (await kvGet('pendingAnswers')) ?? [];
  const times: number[] = [];
  for (const id of pending) {
    const a = (await database.get('requests', id))?.answer;
    if (a && (a.state === 'queued' || a.state === 'sending')) times.push(a.nextAttemptAt);
  }
  return times.length ? Math.min(...times) : null;
}
