import { useEffect, useRef, useState } from 'preact/hooks';
import type { IpRight, TakedownRecord } from '../shared/model.ts';
import { RESOLVED_CASE_STATUSES } from '../shared/api/statuses.ts';
import { t } from '../shared/i18n.ts';
import { ask } from './ask-worker.ts';
import { popupView } from './view-store.ts';
import { useStampStatus } from './stamps-store.ts';

type Busy = 'idle' | 'working' | { error: string };

/** Codes where choosing another IP right is the likely fix. */
const RIGHT_PROBLEMS = new Set(['unknown_ip_right', 'forbidden']);
const WAITS_ON_MEMBER = new Set(['needs_info', 'counter_notice']);

function useRun() {
  const [busy, setBusy] = useState<Busy>('idle');
  const run = async (work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>) => {
    setBusy('working');
    try {
      const answer = await work();
      setBusy(answer.ok ? 'idle' : { error: answer.error.message });
    } catch (err) {
      setBusy({ error: (err as Error).message });
    }
  };
  return { busy, run };
}

/**
 * The row's actions in proportion: its main action is what its state calls for (answer the
 * alliance, resend, nothing but the link for a case in progress); withdrawing and discarding
 * sit in a menu and ask first. Each asks the worker, which owns the queue.
 */
export function RowActions({ record, state, ipRights, tabIndex }: { record: TakedownRecord; state: string; ipRights: IpRight[]; tabIndex: number }) {
  const { busy, run } = useRun();
  // The right the request was refused under may not be on offer any more: start from one that
  // is (the rights on offer arrive after the first paint, so the default follows them).
  const [chosen, setRight] = useState<string | null>(null);
  const right = chosen ?? (ipRights.some((r) => r.id === record.ipRightId) ? record.ipRightId : (ipRights[0]?.id ?? record.ipRightId));
  const id = record.clientRequestId;
  const needsUser = record.outbox.state === 'attention';
  const unfiled = record.caseId === null && record.outbox.state !== 'sending';
  const open = record.caseId !== null && !(RESOLVED_CASE_STATUSES as readonly string[]).includes(record.caseStatus ?? '');
  const answerPending = record.answer != null && record.answer.state !== 'sent' && record.answer.state !== 'attention';
  const canAnswer = WAITS_ON_MEMBER.has(state) && !answerPending;
  // A screenshot is missing and the request is not with the service yet: it can be captured again.
  const noScreenshot = !record.evidence.some((e) => e.kind === 'screenshot');
  const recapture = unfiled && record.outbox.batchId === null && (needsUser || record.outbox.state === 'queued') && (noScreenshot || record.outbox.lastError?.code === 'evidence_incomplete');
  const offerRights = needsUser && RIGHT_PROBLEMS.has(record.outbox.lastError?.code ?? '') && ipRights.length > 0;
  const working = busy === 'working';
  // A stamp given up on, or never asked for (no TSA then, one now): the user may ask again.
  const stamp = useStampStatus(record);
  const askStamp = stamp.kind === 'failed' || (stamp.kind === 'none' && stamp.canAsk) ? stamp.manifestSha256 : null;
  return (
    <>
      {canAnswer && (
        <button type="button" data-testid="respond-open" tabIndex={tabIndex} onClick={() => popupView.setState({ answering: id })}>
          {t(state === 'counter_notice' ? 'popup_answer_counter_notice' : 'popup_answer')}
        </button>
      )}
      {offerRights && (
        <select data-testid="resend-ip-right" tabIndex={tabIndex} aria-label={t('popup_resend_right')} value={right} onChange={(e) => setRight(e.currentTarget.value)}>
          {ipRights.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      )}
      {recapture && (
        <button type="button" data-testid="capture-again" tabIndex={tabIndex} title={t('popup_capture_again_help')} disabled={working} onClick={() => run(() => ask('recaptureRequest', { clientRequestId: id }))}>
          {t('popup_capture_again')}
        </button>
      )}
      {askStamp && (
        <button
          type="button"
          class="secondary"
          data-testid="timestamp-retry"
          tabIndex={tabIndex}
          title={t(stamp.kind === 'failed' ? 'popup_stamp_retry_title' : 'popup_stamp_ask_title')}
          disabled={working}
          onClick={() => run(() => ask('retryStamp', { manifestSha256: askStamp }))}
        >
          {t(stamp.kind === 'failed' ? 'popup_stamp_retry' : 'popup_stamp_ask')}
        </button>
      )}
      {needsUser && (
        <button type="button" data-testid="resend-request" tabIndex={tabIndex} disabled={working} onClick={() => run(() => ask('resendRequest', { clientRequestId: id, ipRightId: right }))}>
          {t('popup_resend')}
        </button>
      )}
      {(unfiled || open) && (
        <RowMenu
          tabIndex={tabIndex}
          disabled={working}
          action={
            unfiled
              ? { testid: 'discard-request', label: t('popup_discard'), confirm: t('popup_discard_confirm'), run: () => run(() => ask('discardRequest', { clientRequestId: id })) }
              : { testid: 'withdraw-case', label: t('popup_withdraw'), confirm: t('popup_withdraw_confirm', record.caseId ?? ''), run: () => run(() => ask('withdrawCase', { clientRequestId: id })) }
          }
        />
      )}
      {typeof busy === 'object' && (
        <span class="status-error ellipsis" role="alert" title={busy.error}>
          {busy.error}
        </span>
      )}
    </>
  );
}

interface MenuAction {
  testid: string;
  label: string;
  confirm: string;
  run: () => void;
}

/** "More" menu holding the one destructive action of the row, with an inline confirmation. */
function RowMenu({ action, tabIndex, disabled }: { action: MenuAction; tabIndex: number; disabled: boolean }) {
  const [step, setStep] = useState<'closed' | 'menu' | 'confirm'>('closed');
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (step === 'closed') return;
    root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const away = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setStep('closed');
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [step]);
  const close = () => {
    setStep('closed');
    root.current?.querySelector<HTMLElement>('.menu-button')?.focus();
  };
  return (
    <span class="row-menu" ref={root} onKeyDown={(e) => e.key === 'Escape' && step !== 'closed' && (e.stopPropagation(), close())}>
      <button
        type="button"
        class="secondary menu-button"
        data-testid="row-menu"
        tabIndex={tabIndex}
        aria-haspopup="true"
        aria-expanded={step !== 'closed'}
        aria-label={t('popup_more_actions')}
        title={t('popup_more_actions')}
        onClick={() => setStep(step === 'closed' ? 'menu' : 'closed')}
      >
        ⋯
      </button>
      {step === 'menu' && (
        <span class="menu" role="group">
          <button type="button" class="secondary danger" data-autofocus data-testid={action.testid} disabled={disabled} onClick={() => setStep('confirm')}>
            {action.label}
          </button>
        </span>
      )}
      {step === 'confirm' && (
        <span class="menu" role="alertdialog" aria-label={action.confirm}>
          <span class="small">{action.confirm}</span>
          <button
            type="button"
            class="danger"
            data-autofocus
            data-testid="confirm-action"
            onClick={() => {
              setStep('closed');
              action.run();
            }}
          >
            {action.label}
          </button>
          <button type="button" class="secondary" onClick={close}>
            {t('popup_cancel')}
          </button>
        </span>
      )}
    </span>
  );
}
