import { displayState, type TakedownRecord } from '../shared/model.ts';
import { listRequests } from '../shared/db/requests.ts';
import { getPause } from '../shared/db/kv.ts';
import { t } from '../shared/i18n.ts';
import type { CaseChange } from './sync/apply-cases.ts';
import { ext } from '../shared/browser.ts';

const NEEDS_USER = new Set(['attention', 'needs_info', 'counter_notice']);

/** Pure: how many requests wait on the user (the action badge). */
export function attentionCount(records: TakedownRecord[], paused: boolean): number {
  return records.filter((r) => NEEDS_USER.has(displayState(r, paused))).length;
}

export async function refreshBadge(): Promise<void> {
  const [records, pause] = await Promise.all([listRequests(), getPause()]);
  const n = attentionCount(records, pause !== null);
  await ext.action.setBadgeText({ text: n > 0 ? String(Math.min(n, 999)) : '' });
  await ext.action.setBadgeBackgroundColor({ color: '#c62828' });
}

export async function notifyChanges(changes: CaseChange[]): Promise<void> {
  for (const { record, notify } of changes) {
    if (!notify) continue;
    const title = t(notify === 'resolved' ? 'notify_resolved_title' : notify === 'needs_info' ? 'notify_needs_info_title' : 'notify_counter_notice_title', record.caseId ?? '');
    const message = [record.listing.title, record.resolution?.message ?? '', record.respondBy ? t('notify_respond_by', new Date(record.respondBy).toLocaleString()) : '']
      .filter(Boolean)
      .join('\n');
    await ext.notifications.create(`case:${record.caseId}:${record.caseStatus}`, {
      type: 'basic',
      iconUrl: ext.runtime.getURL('icons/icon-128.png'),
      title,
      message: message.slice(0, 400),
      priority: 1,
    });
  }
}
