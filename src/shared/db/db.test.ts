import { describe, expect, it } from 'vitest';
import { db } from './open.ts';
import { DB_VERSION } from './schema.ts';
import { STEPS } from './migrations.ts';
import { getPause, getSettings, saveSettings, setPause } from './kv.ts';
import { countBySellers, latestByItems } from './requests.ts';
import { record } from '../../../test/unit/records.ts';

describe('database schema', () => {
  it('has one upgrade step per version', () => {
    expect(Object.keys(STEPS).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('the steps create the stores and the indexes the code queries', async () => {
    const database = await db();
    expect([...database.objectStoreNames].sort()).toEqual(['batches', 'captureJobs', 'evidence', 'kv', 'requests', 'stamps']);
    const tx = database.transaction('requests');
    expect([...tx.store.indexNames].sort()).toEqual(['byCase', 'byCaseStatus', 'byItem', 'byListOrder', 'byOutboxState', 'bySeller']);
  });
});

describe('settings and queue pause', () => {
  it('returns defaults when nothing is stored and repairs a damaged record', async () => {
    expect((await getSettings()).baseUrl).toBe('');
    await (await db()).put('kv', { baseUrl: 42, token: null }, 'settings');
    expect(await getSettings()).toMatchObject({ baseUrl: '', token: '' });
  });

  it('saves a partial change on top of what is stored', async () => {
    await saveSettings({ baseUrl: 'https://intake.example', token: 't1' });
    await saveSettings({ defaultIpRightId: 'ipr_1' });
    expect(await getSettings()).toMatchObject({ baseUrl: 'https://intake.example', token: 't1', defaultIpRightId: 'ipr_1' });
  });

  it('stores and clears the pause', async () => {
    await setPause({ code: 'unauthorized', message: 'refused', at: '2026-11-22T06:00:00.000Z' });
    expect(await getPause()).toMatchObject({ code: 'unauthorized' });
    await setPause(null);
    expect(await getPause()).toBeNull();
  });
});

describe('page annotations', () => {
  it('finds the newest request per item and counts requests per seller', async () => {
    const database = await db();
    await database.put('requests', record({ id: '00000000-0000-4000-8000-000000000001', flaggedAt: '2026-11-20T00:00:00.000Z' }));
    await database.put('requests', record({ id: '00000000-0000-4000-8000-000000000002', flaggedAt: '2026-11-21T00:00:00.000Z' }));
    await database.put('requests', record({ id: '00000000-0000-4000-8000-000000000003', itemId: '600000000002' }));
    const found = await latestByItems(['taobao:600000000001', 'taobao:999']);
    expect(found.get('taobao:600000000001')?.clientRequestId).toBe('00000000-0000-4000-8000-000000000002');
    expect(found.has('taobao:999')).toBe(false);
    expect(await countBySellers(['taobao:2200000001'])).toEqual({ 'taobao:2200000001': 3 });
  });
});

describe('the popup first read', () => {
  it('reads what needs the user, what is queued and the open cases through the indexes, not the resolved history', async () => {
    const { listFirstRequests, listOpenCases, listTopRequests } = await import('./requests.ts');
    const { makeRecord } = await import('../../../test/unit/records.ts');
    const sub = { state: 'submitted' as const };
    const first = [
      makeRecord({ outbox: { state: 'attention' } }),
      makeRecord(),
      makeRecord({ outbox: { state: 'sending', batchId: 'b' } }),
      makeRecord({ outbox: { state: 'capturing' } }),
      makeRecord({ caseId: 'TD-1', caseStatus: 'needs_info', outbox: sub }),
      makeRecord({ caseId: 'TD-2', caseStatus: 'counter_notice', outbox: sub }),
      makeRecord({ caseId: 'TD-3', caseStatus: 'received', outbox: sub }),
      makeRecord({ caseId: 'TD-4', caseStatus: 'in_review', outbox: sub }),
    ];
    const later = [makeRecord({ caseId: 'TD-5', caseStatus: 'taken_down', outbox: sub }), makeRecord({ caseId: 'TD-6', caseStatus: 'rejected', outbox: sub })];
    const database = await db();
    for (const r of [...later, ...first]) await database.put('requests', r);
    const got = await listFirstRequests();
    expect(got.map((r) => r.clientRequestId).sort()).toEqual(first.map((r) => r.clientRequestId).sort());
    // In two steps: what can be in the needs-you and queued groups, then the open cases.
    const ids = (rs: { clientRequestId: string }[]) => rs.map((r) => r.clientRequestId).sort();
    expect(ids(await listTopRequests())).toEqual(ids(first.slice(0, 6)));
    expect(ids(await listOpenCases())).toEqual(ids(first.slice(6)));
  });
});
