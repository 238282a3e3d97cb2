import { db } from '../../shared/db/open.ts';
import { announce } from '../../shared/db/changes.ts';
import { getPause, getSettings, kvGet, kvPut, setPause } from '../../shared/db/kv.ts';
import { getCases } from '../../shared/api/client.ts';
import { applyCase, type CaseChange } from './apply-cases.ts';
import { putRequest } from '../../shared/db/request-put.ts';

const EPOCH = '1970-01-01T00:00:00.000Z';
const MAX_PAGES = 20;

/**
 * Brings our requests up to date with the service: every case updated since the last poll,
 * paged. Cases we did not file on this device are ignored. Returns the changes worth a
 * notification.
 */
export async function pollCases(now: () => Date): Promise<CaseChange[]> {
  const settings = await getSettings();
  if (!settings.baseUrl || !settings.token || (await getPause())) return [];
  const database = await db();
  if ((await database.count('requests')) === 0) return [];
  const cfg = { baseUrl: settings.baseUrl, token: settings.token };
  let since = (await kvGet('pollUpdatedSince')) ?? EPOCH;
  let cursor: string | null = null;
  const notable: CaseChange[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await getCases(cfg, { updatedSince: since, cursor, limit: 500 });
    if (!res.ok) {
      if (res.kind === 'unauthorized') await setPause({ code: res.code, message: res.message, at: now().toISOString() });
      break;
    }
    const tx = database.transaction(['requests', 'kv'], 'readwrite');
    const requests = tx.objectStore('requests');
    let newest = since;
    for (const c of res.data.cases) {
      if (c.updatedAt > newest) newest = c.updatedAt;
      const record = await requests.get(c.clientRequestId);
      if (!record) continue;
      const change = applyCase(record, c, now());
      if (!change) continue;
      await putRequest(requests, change.record);
      if (change.notify) notable.push(change);
    }
    cursor = res.data.nextCursor;
    // The watermark moves only once the last page is in, so an interrupted poll repeats
    // rather than skipping cases.
    if (!cursor) await kvPut('pollUpdatedSince', newest, tx.objectStore('kv'));
    await tx.done;
    announce('requests');
    if (!cursor) break;
  }
  return notable;
}
