import { describe, expect, it } from 'vitest';
import { db } from '../shared/db/open.ts';
import { putRequest } from '../shared/db/request-put.ts';
import { setPause } from '../shared/db/kv.ts';
import { makeRecord } from '../../test/unit/records.ts';
import type { TakedownRecord } from '../shared/model.ts';
import { checkTop, readTop } from './first-read.ts';

// The popup's first paint reads its rows off index byListOrder and counts only their groups;
// whether the index holds every request is checked right after (checkTop), and a request
// written without its list key makes the popup show the top groups read whole.

async function store(records: readonly TakedownRecord[]) {
  const tx = (await db()).transaction('requests', 'readwrite');
  for (const r of records) void putRequest(tx.store, r);
  await tx.done;
}

const ids = (rs: readonly TakedownRecord[]) => rs.map((r) => r.clientRequestId).sort();
const sub = { state: 'submitted' as const, attempts: 1 };

describe("the popup's first read", () => {
  it('is the first rows with the counts of their groups, and checks out when the index holds every request', async () => {
    const open = Array.from({ length: 12 }, (_, i) => makeRecord({ caseId: `TD-2026-${i}`, caseStatus: 'in_review', slaDueAt: `2026-11-2${i % 9}T02:00:00.000Z`, outbox: sub }));
    const resolved = makeRecord({ caseId: 'TD-2026-99', caseStatus: 'taken_down', resolvedAt: '2026-11-20T02:00:00.000Z', outbox: sub });
    await store([makeRecord(), ...open, resolved]);
    const read = await readTop();
    expect(read.records).toHaveLength(10);
    expect(read.counts).toEqual({ groups: { needs_you: 0, queued: 1, open: 12 }, queued: 1, capturing: 0 });
    expect(await checkTop(read)).toBeNull();
  });

  it('reads the top groups whole, after the first paint, when a request was written without its list key', async () => {
    const keyed = makeRecord({ flaggedAt: '2026-11-02T02:00:00.000Z' });
    const keyless = makeRecord({ flaggedAt: '2026-11-01T02:00:00.000Z', outbox: { state: 'attention', lastError: { code: 'x', message: 'x' } } });
    await store([keyed]);
    await (await db()).put('requests', keyless);
    const read = await readTop();
    expect(ids(read.records)).toEqual([keyed.clientRequestId]);
    const whole = await checkTop(read);
    expect(whole).toMatchObject({ pause: null, counts: null });
    expect(ids(whole!.records)).toEqual(ids([keyed, keyless]));
  });

  it('reads the top groups whole at once while the queue is paused, and has nothing to check then', async () => {
    await store([makeRecord()]);
    await setPause({ code: 'unauthorized', message: 'token refused', at: '2026-11-02T02:00:00.000Z' });
    const read = await readTop();
    expect(read.counts).toBeNull();
    expect(read.pause).toMatchObject({ code: 'unauthorized' });
    expect(read.records).toHaveLength(1);
    expect(await checkTop(read)).toBeNull();
  });
});
