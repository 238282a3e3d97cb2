import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { FlaggerDB } from './schema.ts';
import { listOrder } from '../list-order.ts';

type UpgradeTx = IDBPTransaction<FlaggerDB, StoreNames<FlaggerDB>[], 'versionchange'>;
type Step = (db: IDBPDatabase<FlaggerDB>, tx: UpgradeTx) => void;

/**
 * Cumulative, numbered steps: step N takes a database at version N-1 to version N.
 * A step may add stores and indexes or transform records; it never deletes a store
 * that holds evidence or requests.
 *
 * Adding step N+1: first run `npx tsx test/unit/db-snapshots/make.ts` (at version N) and
 * commit the vN.json it writes; migrations.test.ts then upgrades that database through your
 * step and checks that every record it held is still there and still readable.
 */
export const STEPS: Record<number, Step> = {
  1: (db) => {
    const requests = db.createObjectStore('requests', { keyPath: 'clientRequestId' });
    requests.createIndex('byItem', 'itemKey');
    requests.createIndex('bySeller', 'sellerKey');
    requests.createIndex('byOutboxState', 'outbox.state');
    requests.createIndex('byCase', 'caseId');
    db.createObjectStore('evidence', { keyPath: 'sha256' });
    db.createObjectStore('batches', { keyPath: 'batchId' });
    db.createObjectStore('kv');
  },
  // Trusted timestamps of capture manifests (a new store: nothing stored before changes).
  2: (db) => {
    db.createObjectStore('stamps', { keyPath: 'manifestSha256' }).createIndex('byState', 'state');
  },
  // The popup's first rows (what needs the user, what is queued, open cases) come from
  // indexes without reading the whole history: outbox state had one, case status gets one.
  3: (_db, tx) => {
    tx.objectStore('requests').createIndex('byCaseStatus', 'caseStatus');
  },
  // Flags are stored before their evidence is captured: the capture is a job of its own.
  4: (db) => {
    db.createObjectStore('captureJobs', { keyPath: 'jobId' }).createIndex('byState', 'state');
  },
  // The popup's first read takes only the rows of its first screen, in display order, off an
  // index of where each request sorts (issue #10: deserialising whole groups cost 35-350 ms).
  // Every stored request gets its key here; every later write keeps it (putRequest).
  5: (_db, tx) => {
    const requests = tx.objectStore('requests');
    requests.createIndex('byListOrder', 'listOrder');
    // The upgrade transaction stays open while these requests are pending: the database opens
    // only once every record has its key.
    void (async () => {
      for (let cursor = await requests.openCursor(); cursor; cursor = await cursor.continue()) {
        await cursor.update({ ...cursor.value, listOrder: listOrder(cursor.value) });
      }
    })();
  },
};

export function runSteps(db: IDBPDatabase<FlaggerDB>, tx: UpgradeTx, from: number, to: number): void {
  for (let v = from + 1; v <= to; v++) {
    const step = STEPS[v];
    if (!step) throw new Error(`No database upgrade step for version ${v}`);
    step(db, tx);
  }
}
