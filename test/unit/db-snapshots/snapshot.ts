// Test-only: a database's stores and records as JSON, and back. The committed snapshots
// (v<N>.json beside this file) are databases as version N of the extension left them; the
// migration test loads each into fake-indexeddb at its version and upgrades it.
import { openDB, type IDBPDatabase } from 'idb';

export interface StoreShape {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

export interface Snapshot {
  version: number;
  stores: Record<string, StoreShape & { records: { key?: unknown; value: unknown }[] }>;
}

// JSON has no binary: bytes are written as {"$bytes": base64} and read back as ArrayBuffer.
export function encode(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { $bytes: Buffer.from(value).toString('base64') };
  if (ArrayBuffer.isView(value)) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.$bytes === 'string' && Object.keys(o).length === 1) {
      const b = Buffer.from(o.$bytes, 'base64');
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/** The stores, indexes and every record of an open database. */
export async function dump(database: IDBPDatabase<any>): Promise<Snapshot> {
  const stores: Snapshot['stores'] = {};
  for (const name of [...database.objectStoreNames].sort()) {
    const tx = database.transaction(name);
    const store = tx.store;
    const indexes = [...store.indexNames].sort().map((i) => {
      const index = store.index(i);
      return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    const records: { key?: unknown; value: unknown }[] = [];
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
      records.push(store.keyPath === null ? { key: cursor.key, value: encode(cursor.value) } : { value: encode(cursor.value) });
    }
    await tx.done;
    stores[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records };
  }
  return { version: database.version, stores };
}

/** Writes a snapshot into the current `indexedDB` as database `name` at the snapshot's version. */
export async function load(name: string, snapshot: Snapshot): Promise<void> {
  const database = await openDB(name, snapshot.version, {
    upgrade(db) {
      for (const [storeName, shape] of Object.entries(snapshot.stores)) {
        const store = db.createObjectStore(storeName, { keyPath: shape.keyPath ?? undefined, autoIncrement: shape.autoIncrement });
        for (const i of shape.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    },
  });
  for (const [storeName, shape] of Object.entries(snapshot.stores)) {
    const tx = database.transaction(storeName, 'readwrite');
    for (const r of shape.records) await tx.store.put(decode(r.value), r.key as IDBValidKey | undefined);
    await tx.done;
  }
  database.close();
}

/** Only the shape (stores and indexes) of a snapshot. */
export function shapeOf(snapshot: Snapshot): Record<string, StoreShape> {
  return Object.fromEntries(Object.entries(snapshot.stores).map(([n, { records: _records, ...shape }]) => [n, shape]));
}
