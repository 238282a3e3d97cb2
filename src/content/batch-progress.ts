import type { ResponseOf } from '../shared/messages.ts';
import { t } from '../shared/i18n.ts';
import { askWorker } from './ask-worker.ts';
import { onTrusted } from './trusted.ts';

type Progress = ResponseOf<'captureProgress'>;
const POLL_MS = 500;
/** A panel with nothing left to say goes away by itself after this. */
const LINGER_MS = 8_000;

/**
 * Hook `batch-progress` (data-done, data-total, data-state): how many of the flagged listings
 * have their evidence stored, in a panel of its own (the selection, and with it the toolbar,
 * is gone once flagged). It asks the worker twice a second, which also wakes a worker that
 * was stopped mid-capture. Stop keeps what is stored and says what is not; the user may
 * close the panel, and the capture goes on without it. Plain DOM: no UI library on the page.
 * Returns the way to remove it.
 */
export function showBatchProgress(doc: Document, parent: Node, jobId: string | null, total: number, skipped: number): () => void {
  const panel = doc.createElement('section');
  panel.className = 'panel progress-panel progress';
  panel.dataset.testid = 'batch-progress';
  panel.setAttribute('aria-label', t('content_panel_title'));
  const status = doc.createElement('p');
  status.className = 'message';
  status.setAttribute('role', 'status');
  const bar = doc.createElement('progress');
  const notes = doc.createElement('p');
  notes.className = 'message';
  const actions = doc.createElement('div');
  actions.className = 'actions';
  const button = (text: string, testid: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.dataset.testid = testid;
    b.addEventListener('click', onTrusted(onClick));
    return b;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const remove = () => (clearTimeout(timer), panel.remove());
  const stop = button(t('content_progress_stop'), 'stop-capture', () => {
    if (!jobId) return;
    stopped = true;
    stop.disabled = true;
    askWorker('stopCapture', { jobId }).then(
      () => render(last),
      () => ((stopped = false), (stop.disabled = false)),
    );
  });
  actions.append(stop, button(t('content_progress_close'), 'close-progress', remove));
  panel.append(status, bar, notes, actions);
  parent.appendChild(panel);

  let last: Progress = { done: jobId ? 0 : total, total, state: jobId ? 'capturing' : 'sealed', missing: 0 };
  const render = (p: Progress) => {
    last = p;
    const sealed = p.state === 'sealed';
    panel.dataset.done = String(p.done);
    panel.dataset.total = String(p.total);
    panel.dataset.state = p.state;
    bar.max = p.total || 1;
    bar.value = p.done;
    // Nothing new was filed: every listing already had a request on this device.
    const none = sealed && p.total === 0;
    status.textContent = none
      ? t('content_already_reported', String(skipped))
      : sealed
        ? t('content_progress_done', String(p.total))
      : p.state === 'waiting_tab'
        ? t('content_progress_waiting', [String(p.done), String(p.total)])
        : t('content_progress', [String(p.done), String(p.total)]);
    const lines: string[] = [];
    if (stopped) lines.push(t('content_progress_stopped'));
    if (p.missing > 0) lines.push(t('content_progress_missing', String(p.missing)));
    if (skipped > 0 && !none) lines.push(t('content_already_reported', String(skipped)));
    bar.hidden = none;
    notes.textContent = lines.join(' ');
    notes.hidden = !lines.length;
    stop.hidden = sealed;
  };
  render(last);

  const ask = () => {
    if (!jobId || !panel.isConnected) return;
    askWorker('captureProgress', { jobId }).then(
      (next) => {
        if (!panel.isConnected) return;
        if (next && next.state !== 'unknown') render(next);
        if (next?.state === 'sealed') {
          if (!next.missing && !skipped && !stopped) timer = setTimeout(remove, LINGER_MS);
          return;
        }
        timer = setTimeout(ask, POLL_MS);
      },
      () => panel.isConnected && (timer = setTimeout(ask, POLL_MS)), // a worker being restarted
    );
  };
  ask();
  if (!jobId && !skipped) timer = setTimeout(remove, LINGER_MS);
  return remove;
}
