import type { IDBPObjectStore, StoreNames } from 'idb';
import type { TakedownRecord } from '../model.ts';
import { listOrder } from '../list-order.ts';
import type { FlaggerDB } from './schema.ts';

type RequestStore = IDBPObjectStore<FlaggerDB, ArrayLike<StoreNames<FlaggerDB>>, 'requests', 'readwrite' | 'versionchange'>;

/**
 * The one way a request is written: with where the popup lists it (`listOrder`, derived here
 * from the record as written, so a record spread from a stored one never keeps a stale key).
 * request-put.test.ts fails on any other put into the requests store.
 */
export function putRequest(store: RequestStore, r: TakedownRecord): Promise<string> {
  return store.put({ ...r, listOrder: listOrder(r) });
}
