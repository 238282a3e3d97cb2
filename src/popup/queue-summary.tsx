import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { ask } from './ask-worker.ts';

export function QueueSummary({ queued, online }: { queued: number; online: boolean }) {
  return (
    <p data-testid="queue-summary" data-queued={String(queued)} data-online={String(online)} class="summary">
      {t('popup_summary_queued', String(queued))}
      {' · '}
      <span class={online ? 'muted' : 'status-error'}>{t(online ? 'popup_online' : 'popup_offline')}</span>
    </p>
  );
}

type Feedback = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; error: string };

/** A button that asks the worker for something, and what became of it. */
function useWorkerAction(work: () => Promise<unknown>): [Feedback, () => Promise<void>] {
  const [feedback, setFeedback] = useState<Feedback>({ kind: 'idle' });
  const run = async () => {
    setFeedback({ kind: 'busy' });
    try {
      await work();
      setFeedback({ kind: 'done' });
    } catch (err) {
      setFeedback({ kind: 'failed', error: (err as Error).message });
    }
  };
  return [feedback, run];
}

export function SendNowButton({ queued }: { queued: number }) {
  const [feedback, onClick] = useWorkerAction(() => ask('sendNow', {}));
  return (
    <div class="send-now">
      <button type="button" data-testid="send-now" disabled={queued === 0 || feedback.kind === 'busy'} onClick={onClick}>
        {t(feedback.kind === 'busy' ? 'popup_send_now_sending' : 'popup_send_now')}
      </button>
      <span role="status" class={feedback.kind === 'failed' ? 'status-error small' : 'muted small'}>
        {feedback.kind === 'done' && t('popup_send_now_done')}
        {feedback.kind === 'failed' && t('popup_send_now_failed', feedback.error)}
      </span>
    </div>
  );
}

/**
 * While evidence is captured: how many listings, and a Stop that is always reachable (the
 * page's own Stop is hidden with the rest of our UI during each captured step).
 */
export function CapturingBar({ capturing }: { capturing: number }) {
  const [feedback, onClick] = useWorkerAction(() => ask('stopCaptures', {}));
  if (capturing === 0 && feedback.kind !== 'done') return null;
  return (
    <div class="capturing-bar" data-testid="capturing-summary" data-capturing={String(capturing)}>
      {capturing > 0 && <span>{t('popup_capturing_summary', String(capturing))}</span>}
      {capturing > 0 && (
        <button type="button" class="secondary" data-testid="stop-captures" disabled={feedback.kind === 'busy'} onClick={onClick}>
          {t('popup_stop_captures')}
        </button>
      )}
      <span role="status" class={feedback.kind === 'failed' ? 'status-error small' : 'muted small'}>
        {feedback.kind === 'done' && t('popup_stop_captures_done')}
        {feedback.kind === 'failed' && t('popup_stop_captures_failed', feedback.error)}
      </span>
    </div>
  );
}
