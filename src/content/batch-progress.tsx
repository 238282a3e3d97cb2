import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '../shared/messages.ts';
import { send } from '../shared/messaging.ts';
import { t } from '../shared/i18n.ts';
import { onTrusted } from './trusted.ts';

type Progress = ResponseOf<'captureProgress'>;
const POLL_MS = 500;

interface Props {
  jobId: string;
  total: number;
  /** The job is sealed: its requests are queued (annotations may be refreshed). */
  onSealed: () => void;
  onClose: () => void;
}

/**
 * Hook `batch-progress` (data-done, data-total): how many of the flagged listings have their
 * evidence stored. It asks the worker twice a second, which also wakes a worker that was
 * stopped mid-capture. The user may close it: the capture goes on without it.
 */
export function BatchProgress({ jobId, total, onSealed, onClose }: Props) {
  const [p, setP] = useState<Progress>({ done: 0, total, state: 'capturing', missing: 0 });
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    let live = true;
    let timer = 0;
    const ask = () =>
      send('captureProgress', { jobId }).then(
        (next) => {
          if (!live) return;
          if (next.state !== 'unknown') setP(next);
          if (next.state === 'sealed') return onSealed();
          timer = window.setTimeout(ask, POLL_MS);
        },
        () => live && (timer = window.setTimeout(ask, POLL_MS)), // a worker being restarted
      );
    void ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [jobId]);
  const stop = onTrusted(() => {
    setStopped(true);
    void send('stopCapture', { jobId }).catch(() => setStopped(false));
  });
  const sealed = p.state === 'sealed';
  const text = sealed
    ? t('content_progress_done', String(p.total))
    : p.state === 'waiting_tab'
      ? t('content_progress_waiting', [String(p.done), String(p.total)])
      : t('content_progress', [String(p.done), String(p.total)]);
  return (
    <div class="progress" data-testid="batch-progress" data-done={p.done} data-total={p.total} data-state={p.state}>
      <p role="status">{text}</p>
      <progress max={p.total || 1} value={p.done} />
      {p.missing > 0 && <p class="message">{t('content_progress_missing', String(p.missing))}</p>}
      {stopped && !sealed && <p class="message">{t('content_progress_stopped')}</p>}
      <div class="actions">
        {!sealed && !stopped && (
          <button type="button" data-testid="stop-capture" onClick={stop}>
            {t('content_progress_stop')}
          </button>
        )}
        <button type="button" data-testid="close-progress" onClick={onTrusted(onClose)}>
          {t('content_progress_close')}
        </button>
      </div>
    </div>
  );
}
