import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CasesResponse } from '../src/shared/api/schemas.ts';
import { addBusinessTime } from '../src/shared/sla.ts';
import { startKit, submission } from './server.test-kit.ts';
import type { Kit } from './server.test-kit.ts';
import { waitFor } from '../test/unit/ui-wait.ts';

/** A random source that returns the given values in turn, then repeats the last. */
const script = (...values: number[]) => { let i = 0; return () => values[Math.min(i++, values.length - 1)]!; };

let kit: Kit;
afterEach(async () => { await kit.done(); });

describe('reviewer simulation', () => {
  beforeEach(async () => { kit = await startKit({ random: script(0.1, 0.05, 0.2, 0.9) }); });

  it('moves received → in_review → taken_down → counter_notice → taken_down, bumping updatedAt', async () => {
    await kit.submit({ requests: [submission()] });
    const id = 'TD-2026-000001';
    const statuses: string[] = [];
    const step = () => {
      kit.clock.advance(20_000);
      kit.sb.reviewerTick();
      const c = kit.sb.getCase(id)!;
      statuses.push(c.status);
      return c;
    };
    expect(step().updatedAt).toBe('2026-11-24T02:00:20.000Z'); // in_review
    const takenDown = step(); // random 0.1 → taken_down
    expect(takenDown.resolvedAt).toBe('2026-11-24T02:00:40.000Z');
    expect(takenDown.resolution?.code).toBe('taken_down');
    const notice = step(); // random 0.05 → counter-notice
    expect(notice.respondBy).toBe(addBusinessTime(kit.clock.now(), 72 * 3600_000, 'Asia/Shanghai').toISOString());
    expect(notice.resolvedAt).toBeNull();
    step(); // random 0.2 → decided now; 0.9 → back to taken_down (not reinstated)
    expect(statuses).toEqual(['in_review', 'taken_down', 'counter_notice', 'taken_down']);
    expect(kit.sb.getCase(id)?.respondBy).toBeNull();
    // A takedown is challenged at most once; nothing moves any more.
    expect(kit.sb.reviewerTick()).toEqual([]);
    // Clients see the changes through updatedSince.
    const res = CasesResponse.parse(await (await kit.call('/v1/takedowns?updatedSince=2026-11-24T02:00:50.000Z')).json());
    expect(res.cases.map((c) => c.status)).toEqual(['taken_down']);
  });
});

describe('reviewer outcomes', () => {
  it('rejects or asks for information with a message, per the random draw', async () => {
    kit = await startKit({ random: script(0.8, 0.95) });
    await kit.submit({ requests: [submission(), submission()] });
    kit.sb.reviewerTick(); // both to in_review
    kit.clock.advance(1000);
    expect(kit.sb.reviewerTick()).toEqual(['TD-2026-000001', 'TD-2026-000002']);
    expect(kit.sb.getCase('TD-2026-000001')?.status).toBe('rejected');
    const needsInfo = kit.sb.getCase('TD-2026-000002');
    expect(needsInfo?.status).toBe('needs_info');
    expect(needsInfo?.resolution?.message).toMatch(/certificate/);
    expect(needsInfo?.resolvedAt).toBeNull();
  });

  it('runs on its own timer when a pace is set, and persists what it did', async () => {
    kit = await startKit({ reviewerPaceMs: 10, random: () => 0 });
    await kit.submit({ requests: [submission()] });
    // The reviewer's own timer moves the case: nothing else here calls reviewerTick.
    await waitFor(() => kit.sb.getCase('TD-2026-000001')?.status !== 'received', 'the reviewer to move the case');
    await kit.restart({ reviewerPaceMs: 0 });
    expect(kit.sb.getCase('TD-2026-000001')?.status).not.toBe('received');
  });
});
