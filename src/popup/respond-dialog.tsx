import { useEffect, useRef, useState } from 'preact/hooks';
import type { EvidenceRef, TakedownRecord } from '../shared/model.ts';
import { MAX_EVIDENCE_BYTES, MAX_RESPONSE_CHARS, MAX_RESPONSE_EVIDENCE } from '../shared/api/schemas.ts';
import { t } from '../shared/i18n.ts';
import { ask } from './ask-worker.ts';
import { useStore } from '../ui/use-store.ts';
import { RespondBy } from '../ui/sla-countdown.tsx';
import { popupView } from './view-store.ts';
import { storeFiles } from './answer-files.ts';

type Status = { kind: 'editing' } | { kind: 'saving' } | { kind: 'failed'; text: string };

/**
 * The answer to the alliance for one case: the text, files from disk and, optionally, a
 * fresh capture of the listing. Submitting queues it with the worker (durably, sent once);
 * the form closes only once it is stored, and keeps what was typed when that fails.
 */
export function RespondDialog({ record }: { record: TakedownRecord }) {
  const now = useStore(popupView, (s) => s.now);
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [attachPage, setAttachPage] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'editing' });
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(document.activeElement);
  const close = () => {
    popupView.setState({ answering: null });
    requestAnimationFrame(() => (opener.current as HTMLElement | null)?.focus?.());
  };
  useEffect(() => {
    box.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }, []);
  const tooBig = files.find((f) => f.size > MAX_EVIDENCE_BYTES);
  const tooMany = files.length > MAX_RESPONSE_EVIDENCE;
  const text = message.trim();
  const invalid = text.length === 0 || text.length > MAX_RESPONSE_CHARS || Boolean(tooBig) || tooMany;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (invalid) return;
    setStatus({ kind: 'saving' });
    try {
      const evidence: EvidenceRef[] = await storeFiles(files, new Date());
      const answer = await ask('respondToCase', { clientRequestId: record.clientRequestId, message: text, evidence, attachPage });
      if (answer.ok) close();
      else setStatus({ kind: 'failed', text: answer.error.message });
    } catch (err) {
      setStatus({ kind: 'failed', text: (err as Error).message });
    }
  };
  const question = record.resolution?.message ?? '';
  return (
    <div class="overlay" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), close())}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="respond-title" ref={box} data-testid="respond-form">
        <form onSubmit={submit}>
          <h2 id="respond-title">{t(record.caseStatus === 'counter_notice' ? 'popup_answer_counter_title' : 'popup_answer_title', record.caseId ?? '')}</h2>
          <p class="small page-text" dir="auto">
            {record.listing.title}
          </p>
          {question && <p class="small quote">{t(record.caseStatus === 'counter_notice' ? 'popup_counter_notice' : 'popup_question', question)}</p>}
          <RespondBy record={record} now={now} />
          <label class="block">
            {t('popup_answer_message')}
            <textarea
              data-testid="respond-message"
              rows={5}
              maxLength={MAX_RESPONSE_CHARS}
              value={message}
              onInput={(e) => setMessage(e.currentTarget.value)}
              aria-describedby="respond-help"
            />
          </label>
          <p id="respond-help" class="muted small">
            {t('popup_answer_help', [String(text.length), String(MAX_RESPONSE_CHARS)])}
          </p>
          <label class="block small">
            {t('popup_answer_files')}
            <input type="file" multiple data-testid="respond-files" onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} />
          </label>
          {tooBig && <p class="field-error small">{t('popup_answer_file_too_big', tooBig.name)}</p>}
          {tooMany && <p class="field-error small">{t('popup_answer_too_many_files', String(MAX_RESPONSE_EVIDENCE))}</p>}
          <button type="button" class="secondary" data-testid="respond-attach-page" aria-pressed={attachPage} onClick={() => setAttachPage(!attachPage)}>
            {t(attachPage ? 'popup_answer_attach_page_on' : 'popup_answer_attach_page')}
          </button>
          {attachPage && <p class="muted small">{t('popup_answer_attach_page_help')}</p>}
          {status.kind === 'failed' && (
            <p class="field-error small" role="alert">
              {t('popup_answer_failed', status.text)}
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" class="secondary" onClick={close}>
              {t('popup_cancel')}
            </button>
            <button type="submit" data-testid="respond-submit" disabled={invalid || status.kind === 'saving'}>
              {t(status.kind === 'saving' ? 'popup_answer_saving' : 'popup_answer_submit')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
