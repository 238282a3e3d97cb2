import { t } from '../shared/i18n.ts';
import { formatDateTime } from '../ui/format.ts';
import type { ReportEntry } from './report-data.ts';

/**
 * The trusted timestamp beside the manifest it stamps (automation hook `report-timestamp`,
 * `data-state` = stamped, owed, failed, none or no_capture): for each token the TSA, the
 * time it gives and the token's SHA-256 (the file timestamps/<manifest>.tsr of the bundle);
 * otherwise why there is none yet, honestly.
 */
export function ReportStamp({ entry, zone, of = 'request' }: { entry: ReportEntry; zone: string; of?: 'request' | 'answer' }) {
  const s = of === 'answer' ? entry.answerStamp : entry.stamp;
  const timestamps = of === 'answer' ? entry.answerTimestamps : entry.timestamps;
  const manifest = s.kind === 'no_capture' ? null : s.manifestSha256;
  return (
    <div data-testid={of === 'answer' ? 'report-answer-timestamp' : 'report-timestamp'} data-state={s.kind}>
      {manifest && (
        <p>
          {t('report_manifest')} SHA-256 <span class="mono break">{manifest}</span>
        </p>
      )}
      {s.kind === 'stamped' ? (
        <table class="hashes">
          <thead>
            <tr>
              <th scope="col">{t('report_stamp_tsa')}</th>
              <th scope="col">{t('report_stamp_time')}</th>
              <th scope="col">{t('report_stamp_token')}</th>
            </tr>
          </thead>
          <tbody>
            {timestamps.map((ts) => (
              <tr key={ts.sha256}>
                <td>{ts.tsa}</td>
                <td>
                  {formatDateTime(ts.genTime, zone)} ({zone}) · <span class="mono">{ts.genTime}</span>
                </td>
                <td class="mono break">{ts.sha256}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class={s.kind === 'failed' || s.kind === 'owed' ? 'gaps' : 'muted'}>{stampWords(s)}</p>
      )}
    </div>
  );
}

function stampWords(s: ReportEntry['stamp']): string {
  switch (s.kind) {
    case 'owed':
      if (s.nextTry === null) return t('report_stamp_owed_no_tsa', formatDateTime(s.since));
      return t('report_stamp_owed', [formatDateTime(s.since), s.reason ?? t('popup_stamp_not_asked_yet'), formatDateTime(new Date(s.nextTry).toISOString())]);
    case 'failed':
      return t('report_stamp_failed', [formatDateTime(s.failedAt), s.reason]);
    case 'none':
      return t('report_no_timestamp');
    default:
      return t('report_no_manifest');
  }
}
