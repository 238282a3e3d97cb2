import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openDB } from 'idb';
import { db } from './open.ts';
import { DB_NAME, DB_VERSION, type FlaggerDB } from './schema.ts';
import { runSteps } from './migrations.ts';
import { kvGet, getSettings } from './kv.ts';
import type { KvKey } from './kv-keys.ts';
import { listRequests } from './requests.ts';
import { listOrder } from '../list-order.ts';
import { decode, dump, load, shapeOf, type Snapshot } from '../../../test/unit/db-snapshots/snapshot.ts';

// Databases as earlier versions of the extension left them (test/unit/db-snapshots/v<N>.json,
// made by make.ts), upgraded one step at a time: every record must come through every step.
const DIR = path.resolve(import.meta.dirname, '../../../test/unit/db-snapshots');
const file = (v: number) => path.join(DIR, `v${v}.json`);
const snapshot = (v: number) => JSON.parse(readFileSync(file(v), 'utf8')) as Snapshot;
const versions = Array.from({ length: DB_VERSION }, (_, i) => i + 1).filter((v) => existsSync(file(v)));

/** A fresh database made by the steps up to `version` (what a new install of that version had). */
async function fresh(version: number) {
  const name = `fresh-${version}`;
  const database = await openDB<FlaggerDB>(name, version, { upgrade: (d, old, _new, tx) => runSteps(d, tx, old, version) });
  const shape = shapeOf(await dump(database));
  database.close();
  return shape;
}

/** Every record of the snapshot, still there and still holding what it held (a step may add fields). */
function expectEveryRecord(after: Snapshot, before: Snapshot) {
  for (const [name, store] of Object.entries(before.stores)) {
    const now = after.stores[name];
    expect(now, `store ${name} is still there`).toBeDefined();
    expect(now!.records).toHaveLength(store.records.length);
    for (const [i, r] of store.records.entries()) expect(now!.records[i]).toMatchObject(r);
  }
}

describe('upgrading a database an earlier version left behind', () => {
  it('has the snapshot of the version before the current one (make it with test/unit/db-snapshots/make.ts before adding a step)', () => {
    expect(existsSync(file(Math.max(1, DB_VERSION - 1)))).toBe(true);
  });

  it.each(versions)('snapshot v%i has the stores and indexes the steps made at that version (a released step is never edited)', async (v) => {
    expect(await fresh(v)).toEqual(shapeOf(snapshot(v)));
  });

  it.each(versions)('keeps every record of a v%i database through each step up to the current version', async (v) => {
    const before = snapshot(v);
    await load(DB_NAME, before);
    for (let to = v + 1; to <= DB_VERSION; to++) {
      const database = await openDB<FlaggerDB>(DB_NAME, to, { upgrade: (d, old, _new, tx) => runSteps(d, tx, old, to) });
      const after = await dump(database);
      database.close();
      expectEveryRecord(after, before);
    }
  });

  it.each(versions)('reads a v%i database through the current code: requests, settings and every kv entry', async (v) => {
    const before = snapshot(v);
    await load(DB_NAME, before);
    const stored = await listRequests();
    expect(stored.map((r) => r.clientRequestId).sort()).toEqual(before.stores.requests!.records.map((r) => (r.value as { clientRequestId: string }).clientRequestId).sort());
    const settings = before.stores.kv!.records.find((r) => r.key === 'settings');
    if (settings) expect(await getSettings()).toMatchObject(decode(settings.value) as object);
    // The registry's schemas still accept what an older version wrote: nothing reads as lost.
    // (A value read back may hold more than was stored: defaults for settings added later.)
    for (const r of before.stores.kv!.records) {
      const value = decode(r.value);
      const read = expect(await kvGet(r.key as KvKey), String(r.key));
      if (value !== null && typeof value === 'object') read.toMatchObject(value);
      else read.toEqual(value);
    }
    expect((await db()).version).toBe(DB_VERSION);
  });

  it('step 5 gives every request of a v4 database its place in the popup (index byListOrder)', async () => {
    const before = snapshot(4);
    await load(DB_NAME, before);
    const database = await db();
    const stored = await database.getAll('requests');
    expect(stored).toHaveLength(before.stores.requests!.records.length);
    for (const r of stored) expect(r.listOrder, r.clientRequestId).toEqual(listOrder(r));
    expect(await database.countFromIndex('requests', 'byListOrder')).toBe(stored.length);
  });
});
