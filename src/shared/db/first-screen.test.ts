import { describe, expect, it } from 'vitest';
import { db } from './open.ts';
import { putRequest } from './request-put.ts';
import { listFirstRows, listFirstScreen } from './requests.ts';
import { groupRequests, countCapturing, countQueued, GROUPS } from '../../popup/groups.ts';
import type { TakedownRecord } from '../model.ts';
import { makeRecord } from '../../../test/unit/records.ts';

// The popup's first read takes its first screen off index byListOrder (issue #10): the rows
// it gets must be the full sort's first rows (groups.ts), and no more than asked for.

/** A seeded generator, so a failure shows the same records again. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const STATUSES = [null, 'received', 'in_review', 'needs_info', 'counter_notice', 'taken_down', 'rejected', 'withdrawn', 'reinstated', 'escalated'] as const;
const OUTBOX = ['capturing', 'queued', 'sending', 'attention'] as const;

/** Every group, with ties, missing times and statuses this version does not know. */
function mixed(count: number, seed: number): TakedownRecord[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Few distinct times, so that ties fall through to the next key.
  const when = () => new Date(Date.parse('2026-11-02T02:00:00.000Z') + Math.floor(rnd() * 40) * 3_600_000).toISOString();
  const maybe = () => (rnd() < 0.3 ? null : when());
  return Array.from({ length: count }, () => {
    const status = pick(STATUSES);
    if (status === null && rnd() < 0.5) return makeRecord({ flaggedAt: when(), outbox: { state: pick(OUTBOX) } });
    return makeRecord({
      flaggedAt: when(),
      updatedAt: when(),
      outbox: { state: 'submitted' },
      caseId: `TD-2026-${Math.floor(rnd() * 1e6)}`,
      caseStatus: status,
      slaDueAt: maybe(),
      respondBy: status === 'needs_info' || status === 'counter_notice' ? maybe() : null,
      resolvedAt: rnd() < 0.5 ? maybe() : null,
    });
  });
}

async function store(records: readonly TakedownRecord[]) {
  const tx = (await db()).transaction('requests', 'readwrite');
  for (const r of records) void putRequest(tx.store, r);
  await tx.done;
}

const ids = (rs: readonly TakedownRecord[]) => rs.map((r) => r.clientRequestId);

describe("the popup's first screen, read off index byListOrder", () => {
  it.each([1, 2, 3])('holds the order of the full sort, ties and unknown statuses included (seed %i)', async (seed) => {
    const records = mixed(2000, seed);
    await store(records);
    const inIndex = await (await db()).getAllFromIndex('requests', 'byListOrder');
    expect(ids(inIndex)).toEqual(ids(groupRequests(records, false).flatMap((g) => g.records)));
  });

  it('reads only the first rows of 2,000, the ones the full sort puts first, with the whole groups counted', async () => {
    const records = mixed(2000, 7);
    await store(records);
    const groups = groupRequests(records, false);
    const screen = await listFirstScreen(10);
    expect(ids(screen.records)).toEqual(ids(groups.flatMap((g) => g.records).slice(0, 10)));
    const size = (id: string) => groups.find((g) => g.id === id)?.records.length ?? 0;
    expect(screen.counts).toEqual([size('needs_you'), size('queued'), size('open'), size('resolved')]);
    expect(screen.queued).toBe(countQueued(records));
    expect(screen.capturing).toBe(countCapturing(records));
    expect(screen.indexed).toBe(true);
  });

  it('keeps the key right as a request moves between groups (a record spread from a stored one)', async () => {
    const queued = makeRecord({ flaggedAt: '2026-11-02T02:00:00.000Z' });
    const later = makeRecord({ flaggedAt: '2026-11-03T02:00:00.000Z' });
    await store([queued, later]);
    const stored = (await (await db()).get('requests', queued.clientRequestId))!;
    await store([{ ...stored, outbox: { ...stored.outbox, state: 'submitted' }, caseId: 'TD-2026-1', caseStatus: 'taken_down', resolvedAt: '2026-11-04T02:00:00.000Z' }]);
    const screen = await listFirstScreen(10);
    expect(ids(screen.records)).toEqual([later.clientRequestId, queued.clientRequestId]);
    expect(screen.counts).toEqual([0, 1, 0, 1]);
  });

  it('says so when a request was written without its key, so that the popup reads the groups whole', async () => {
    await store([makeRecord()]);
    await (await db()).put('requests', makeRecord());
    expect((await listFirstScreen(10)).indexed).toBe(false);
  });

  it("the first paint's read counts the groups its rows are in, and no later group (each index entry walked costs)", async () => {
    const records = mixed(2000, 11);
    await store(records);
    const groups = groupRequests(records, false);
    const first = ids(groups.flatMap((g) => g.records).slice(0, 10));
    const reached = groups.findIndex((g) => g.records.some((r) => r.clientRequestId === first.at(-1)));
    const rows = await listFirstRows(10);
    expect(ids(rows.records)).toEqual(first);
    const whole = await listFirstScreen(10);
    expect(rows.counts).toEqual(whole.counts.slice(0, GROUPS.indexOf(groups[reached]!.id) + 1));
    expect(rows.counts.length).toBeLessThan(4);
    expect(rows.queued).toBe(countQueued(records));
    expect(rows.capturing).toBe(countCapturing(records));
  });

  it("the first paint's read counts every group its rows reach, and nothing when there are none", async () => {
    const queued = makeRecord({ flaggedAt: '2026-11-02T02:00:00.000Z' });
    const resolved = makeRecord({ outbox: { state: 'submitted' }, caseId: 'TD-2026-1', caseStatus: 'taken_down', resolvedAt: '2026-11-04T02:00:00.000Z' });
    expect((await listFirstRows(10)).counts).toEqual([]);
    await store([queued, resolved]);
    expect(await listFirstRows(10)).toEqual({ records: [expect.objectContaining({ clientRequestId: queued.clientRequestId }), expect.objectContaining({ clientRequestId: resolved.clientRequestId })], counts: [0, 1, 0, 1], queued: 1, capturing: 0 });
    expect((await listFirstRows(1)).counts).toEqual([0, 1]);
  });
});

