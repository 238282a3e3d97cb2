// Writes the snapshot of a database at a version: `npx tsx test/unit/db-snapshots/make.ts [VERSION]`
// (default: the current DB_VERSION). Run it before adding upgrade step N+1, so that the
// database version N leaves behind is committed and the new step is tested against it.
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDB } from 'idb';
import { DB_VERSION, type FlaggerDB } from '../../../src/shared/db/schema.ts';
import { runSteps } from '../../../src/shared/db/migrations.ts';
import { dump } from './snapshot.ts';
import { seed } from './seed.ts';

const version = Number(process.argv[2] ?? DB_VERSION);
const database = await openDB<FlaggerDB>('snapshot', version, { upgrade: (db, old, _new, tx) => runSteps(db, tx, old, version) });
await seed(database);
const file = path.join(import.meta.dirname, `v${version}.json`);
writeFileSync(file, JSON.stringify(await dump(database), null, 1) + '\n');
console.log(`wrote ${path.relative(process.cwd(), file)}`);
