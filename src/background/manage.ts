import { db } from '../shared/db/open.ts';
import { announce } from '../shared/db/changes.ts';
import { getSettings } from '../shared/db/kv.ts';
import type { RequestOf, ResponseOf } from '../shared/messages.ts';
import type { TakedownRecord } from '../shared/model.ts';
import { withdrawCase } from '../shared/api/client.ts';
import { applyCase } from './sync/apply-cases.ts';
import { t } from '../shared/i18n.ts';
import { putRequest } from '../shared/db/request-put.ts';

type Answer = ResponseOf<'resendRequest'>;
const refuse = (code: string, message: string): Answer => ({ ok: false, error: { code, message } });
const notFiled = (r: TakedownRecord) => r.caseId === null && r.outbox.batchId === null && r.outbox.state !== 'sending';

/** The user fixed what the service refused (or just wants another try): back into the queue. */
export async function resend(p: RequestOf<'resendRequest'>, now: Date): Promise<Answer> {
  const tx = (await db()).transaction('requests', 'readwrite');
  const r = await tx.store.get(p.clientRequestId);
  if (!r) return refuse('not_found', t('worker_error_not_found'));
  if (!notFiled(r)) return refuse('conflict', t('worker_error_already_filed'));
  if (r.outbox.state === 'capturing') return refuse('conflict', t('worker_error_capturing'));
  await putRequest(tx.store, {
    ...r,
    ipRightId: p.ipRightId ?? r.ipRightId,
    outbox: { state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null },
    updatedAt: now.toISOString(),
  });
  await tx.done;
  announce('requests');
  return { ok: true };
}

/**
 * Removes a request the service never accepted, and the artifacts no other request uses.
 * Capture manifests stay: the capture chain names them, and a gap would look like tampering.
 */
export async function discard(p: RequestOf<'discardRequest'>): Promise<Answer> {
  const tx = (await db()).transaction(['requests', 'evidence'], 'readwrite');
  const requests = tx.objectStore('requests');
  const r = await requests.get(p.clientRequestId);
  if (!r) return refuse('not_found', t('worker_error_not_found'));
  if (!notFiled(r)) return refuse('conflict', t('worker_error_discard_filed'));
  await requests.delete(r.clientRequestId);
  const stillUsed = new Set((await requests.getAll()).flatMap((o) => o.evidence.map((e) => e.sha256)));
  for (const e of r.evidence) {
    if (e.kind !== 'capture_manifest' && !stillUsed.has(e.sha256)) await tx.objectStore('evidence').delete(e.sha256);
  }
  await tx.done;
  announce('requests');
  return { ok: true };
}

export async function withdraw(p: RequestOf<'withdrawCase'>, now: Date): Promise<Answer> {
  const database = await db();
  const r = await database.get('requests', p.clientRequestId);
  if (!r?.caseId) return refuse('not_found', t('worker_error_no_case'));
  const s = await getSettings();
  const res = await withdrawCase({ baseUrl: s.baseUrl, token: s.token }, r.caseId);
  if (!res.ok) return refuse(res.code, res.message);
  const tx = database.transaction('requests', 'readwrite');
  const current = await tx.store.get(p.clientRequestId);
  const change = current && applyCase(current, res.data, now);
  if (change) await putRequest(tx.store, change.record);
  await tx.done;
  announce('requests');
  return { ok: true };
}
