import { useState } from 'preact/hooks';
import type { IpRight, TakedownRecord } from '../shared/model.ts';
import { RESOLVED_CASE_STATUSES } from '../shared/api/schemas.ts';
import { t } from '../shared/i18n.ts';
import { send } from '../shared/messaging.ts';

type Busy = 'idle' | 'working' | { error: string };

/** Codes where choosing another IP right is the likely fix. */
const RIGHT_PROBLEMS = new Set(['unknown_ip_right', 'forbidden']);

/**
 * What the user can do with a request that waits on them: resend it (under another IP right
 * when that was the problem) or discard it; and withdraw a case the service has not resolved.
 * Each asks the worker, which owns the queue.
 */
export function RowActions({ record, ipRights }: { record: TakedownRecord; ipRights: IpRight[] }) {
  const [busy, setBusy] = useState<Busy>('idle');
  const [right, setRight] = useState(record.ipRightId);
  const run = async (work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>) => {
    setBusy('working');
    try {
      const answer = await work();
      setBusy(answer.ok ? 'idle' : { error: answer.error.message });
    } catch (err) {
      setBusy({ error: (err as Error).message });
    }
  };
  const id = record.clientRequestId;
  const needsUser = record.outbox.state === 'attention';
  const open = record.caseId !== null && !(RESOLVED_CASE_STATUSES as readonly string[]).includes(record.caseStatus ?? '');
  if (!needsUser && !open) return null;
  const offerRights = needsUser && RIGHT_PROBLEMS.has(record.outbox.lastError?.code ?? '') && ipRights.length > 0;
  return (
    <div class="row-actions small">
      {offerRights && (
        <select data-testid="resend-ip-right" aria-label={t('popup_resend_right')} value={right} onChange={(e) => setRight(e.currentTarget.value)}>
          {ipRights.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      )}
      {needsUser && (
        <>
          <button type="button" data-testid="resend-request" disabled={busy === 'working'} onClick={() => run(() => send('resendRequest', { clientRequestId: id, ipRightId: right }))}>
            {t('popup_resend')}
          </button>
          <button
            type="button"
            data-testid="discard-request"
            disabled={busy === 'working'}
            onClick={() => confirm(t('popup_discard_confirm')) && run(() => send('discardRequest', { clientRequestId: id }))}
          >
            {t('popup_discard')}
          </button>
        </>
      )}
      {open && (
        <button
          type="button"
          data-testid="withdraw-case"
          disabled={busy === 'working'}
          onClick={() => confirm(t('popup_withdraw_confirm', record.caseId ?? '')) && run(() => send('withdrawCase', { clientRequestId: id }))}
        >
          {t('popup_withdraw')}
        </button>
      )}
      {typeof busy === 'object' && <span class="status-error">{busy.error}</span>}
    </div>
  );
}
