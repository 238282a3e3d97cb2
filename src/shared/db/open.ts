import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type FlaggerDB } from './schema.ts';
import { runSteps } from './migrations.ts';

let opening: Promise<IDBPDatabase<FlaggerDB>> | null = null;

/** One connection per context, opened lazily; a blocked upgrade closes the old one. */
export function db(): Promise<IDBPDatabase<FlaggerDB>> {
  opening ??= openDB<FlaggerDB>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      runSteps(database, tx, oldVersion, newVersion ?? DB_VERSION);
    },
    blocking(_current, _blocked, event) {
      // A newer version of the extension wants to upgrade: let it.
      (event.target as IDBDatabase).close();
      opening = null;
    },
    terminated() {
      opening = null;
    },
  }).catch((err: unknown) => {
    opening = null;
    throw err;
  });
  return opening;
}

/** For tests: forget the cached connection (after deleting the database). */
export async function closeDbForTests(): Promise<void> {
  const current = opening;
  opening = null;
  if (current) (await current.catch(() => null))?.close();
}
