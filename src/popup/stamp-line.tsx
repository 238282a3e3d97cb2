import { t, uiLocale } from '../shared/i18n.ts';
import { formatDateTime } from '../ui/format.ts';
import { tsaName, type StampStatus } from './stamp-status.ts';
import { useStampStatus } from './stamps-store.ts';
import type { TakedownRecord } from '../shared/model.ts';

const iso = (ms: number) => new Date(ms).toISOString();

let short: Intl.DateTimeFormat | null = null;
/** "Dec 6, 10:02" / "12月6日 10:02": the row has room for little; the full time is in the title. */
function shortTime(isoTime: string): string {
  short ??= new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const d = new Date(isoTime);
  return Number.isNaN(d.getTime()) ? isoTime : short.format(d);
}

function view(s: Exclude<StampStatus, { kind: 'no_capture' }>): { state: string; text: string; title: string; tone: string; at?: string } {
  switch (s.kind) {
    case 'stamped':
      return {
        state: 'stamped',
        text: t('popup_stamp_stamped', [shortTime(s.genTime), tsaName(s.tsa)]),
        title: t('popup_stamp_stamped_title', [s.tsa, `${formatDateTime(s.genTime)} (${s.genTime})`, s.manifestSha256, s.tokenSha256]),
        tone: 'muted',
        at: s.genTime,
      };
    case 'owed': {
      const why = s.reason ?? t('popup_stamp_not_asked_yet');
      if (s.nextTry === null) return { state: 'owed', text: t('popup_stamp_owed_no_tsa'), title: t('popup_stamp_owed_title', [formatDateTime(s.since), why]), tone: 'amber' };
      const text = s.reason ? t('popup_stamp_owed', [shortTime(iso(s.nextTry)), s.reason]) : t('popup_stamp_owed_first');
      return { state: 'owed', text, title: t('popup_stamp_owed_title', [formatDateTime(s.since), why]), tone: s.reason ? 'amber' : 'muted', at: iso(s.nextTry) };
    }
    case 'failed':
      return { state: 'failed', text: t('popup_stamp_failed', [shortTime(s.failedAt), s.reason]), title: t('popup_stamp_failed_title', s.reason), tone: 'red', at: s.failedAt };
    case 'none':
      return { state: 'none', text: t('popup_stamp_none'), title: t('popup_stamp_none_title'), tone: 'muted' };
  }
}

/**
 * The row's word on the capture's trusted timestamp (automation hook `timestamp-state`,
 * `data-state` = stamped, owed, failed or none; `data-at` = the stamp's time, the next try
 * or when it was given up).
 */
export function StampLine({ record }: { record: TakedownRecord }) {
  const status = useStampStatus(record);
  if (status.kind === 'no_capture') return null;
  const v = view(status);
  return (
    <span data-testid="timestamp-state" data-state={v.state} data-at={v.at ?? ''} class={`stamp tone-text-${v.tone}`} title={v.title}>
      {v.text}
    </span>
  );
}
