// `npm run openapi`: writes openapi.json, the API contract generated from the zod schemas.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openApiDocument } from '../shared/api/openapi.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
await writeFile(path.join(root, 'openapi.json'), `${JSON.stringify(openApiDocument(pkg.version), null, 2)}\n`);
console.log('openapi.json written');
