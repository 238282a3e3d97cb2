import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { formatDateTime } from '../ui/format.ts';
import type { ReportEntry } from './report-data.ts';
import { ReportStamp } from './report-stamp.tsx';
import { ReportHashes } from './report-hashes.tsx';

/** The text of a stored answer body, or '' when it is not one (it is our own JSON). */
function messageOf(body: string): string {
  try {
    const m = (JSON.parse(body) as { message?: unknown }).message;
    return typeof m === 'string' ? m : '';
  } catch {
    return '';
  }
}

/**
 * The member's answer to the alliance (automation hook `report-answer`, `data-state` = the
 * answer's state): its text, when it was queued and sent, the files sent with it and their
 * SHA-256, the fresh capture's screenshot, and what that capture lacked.
 */
export function ReportAnswer({ entry, zone }: { entry: ReportEntry; zone: string }) {
  const a = entry.record.answer;
  const [shot, setShot] = useState<string | null>(null);
  useEffect(() => {
    if (!entry.answerShot) return;
    const url = URL.createObjectURL(entry.answerShot.blob);
    setShot(url);
    return () => URL.revokeObjectURL(url);
  }, [entry]);
  if (!a) return null;
  const when = (iso: string | null) => (iso ? `${formatDateTime(iso, zone)} (${zone}) · ${iso}` : t('report_answer_not_sent'));
  return (
    <section data-testid="report-answer" data-state={a.state}>
      <h3>{t('report_answer')}</h3>
      <dl class="facts">
        <dt>{t('report_answer_message')}</dt>
        <dd dir="auto">{messageOf(a.body)}</dd>
        <dt>{t('report_answer_queued')}</dt>
        <dd>{when(a.queuedAt)}</dd>
        <dt>{t('report_answer_sent')}</dt>
        <dd>{when(a.sentAt)}</dd>
      </dl>
      {a.evidence.length > 0 && (
        <ReportHashes evidence={a.evidence} />
      )}
      {shot && entry.answerShot && (
        <img class="shot" src={shot} alt={t('report_answer_screenshot_alt', formatDateTime(entry.answerShot.ref.capturedAt, zone))} />
      )}
      {a.gaps && a.gaps.length > 0 && <p class="gaps">{t('popup_answer_sent_gaps', a.gaps.map((g) => g.message).join('; '))}</p>}
      {entry.answerStamp.kind !== 'no_capture' && <ReportStamp entry={entry} zone={zone} of="answer" />}
    </section>
  );
}
