import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from '../src/shared/api/openapi.ts';
import pkg from '../package.json' with { type: 'json' };
import { startKit, submission, type Kit } from './server.test-kit.ts';

// The published contract (openapi.json) against the OpenAPI 3.1 schema, and the sandbox's
// real answers across the spec's scenarios against the contract.
const committed = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../openapi.json'), 'utf8'));
type Doc = ReturnType<typeof openApiDocument> & { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }>; headers?: object }> }>> };
const doc = committed as Doc;

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(committed, 'openapi');

/** Checks one real answer: its status is documented for the operation and its body fits the schema. */
async function conforms(res: Response, method: string, template: string): Promise<unknown> {
  const op = doc.paths[template]?.[method.toLowerCase()];
  expect(op, `${method} ${template} is in the document`).toBeDefined();
  const documented = op!.responses[String(res.status)];
  expect(documented, `${method} ${template} → ${res.status} is documented`).toBeDefined();
  if (documented!.headers && 'Retry-After' in documented!.headers && res.status === 429) expect(res.headers.get('Retry-After')).toBeTruthy();
  const media = documented!.content?.['application/json'];
  if (!media || method === 'HEAD') return undefined;
  const body: unknown = await res.json();
  const ok = ajv.validate({ $ref: `openapi${media.schema.$ref}` }, body);
  expect(ok, `${method} ${template} → ${res.status}: ${ajv.errorsText()} in ${JSON.stringify(body).slice(0, 300)}`).toBe(true);
  return body;
}

describe('the OpenAPI document', () => {
  it('is what npm run openapi generates from the zod schemas (run it after changing them)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(openApiDocument(pkg.version))));
  });

  it('is a valid OpenAPI 3.1 document covering every endpoint of the spec', async () => {
    const validator = new Validator();
    const result = await validator.validate(committed);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).filter((k) => k !== 'parameters').map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops.sort()).toEqual(['GET /v1/me', 'GET /v1/takedowns', 'HEAD /v1/evidence/{sha256}', 'POST /v1/takedowns', 'POST /v1/takedowns/{caseId}/responses', 'POST /v1/takedowns/{caseId}/withdraw', 'PUT /v1/evidence/{sha256}']);
  });
});

describe("the sandbox's answers fit the contract", () => {
  let kit: Kit;
  beforeAll(async () => void (kit = await startKit()));
  afterAll(() => kit?.done());

  it('serves the document at /openapi.json', async () => {
    const res = await fetch(`${kit.sb.url}/openapi.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(committed);
  });

  it('me, evidence, accepted, duplicate, rejected, replay, 422, paging, withdraw, responses, 401 and 429', async () => {
    await conforms(await kit.call('/v1/me'), 'GET', '/v1/me');
    await conforms(await kit.call('/v1/me', { token: 'wrong' }), 'GET', '/v1/me');

    const bytes = Buffer.from(`evidence ${randomUUID()}`);
    const sha = (await import('./server.test-kit.ts')).sha256(bytes);
    await conforms(await kit.call(`/v1/evidence/${sha}`, { method: 'HEAD' }), 'HEAD', '/v1/evidence/{sha256}');
    await conforms(await kit.call(`/v1/evidence/${sha}`, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'image/png' } }), 'PUT', '/v1/evidence/{sha256}');
    await conforms(await kit.call(`/v1/evidence/${sha}`, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'image/png' } }), 'PUT', '/v1/evidence/{sha256}');
    await conforms(await kit.call(`/v1/evidence/${sha}`, { method: 'PUT', body: Buffer.from('other'), headers: { 'Content-Type': 'image/png' } }), 'PUT', '/v1/evidence/{sha256}');

    const first = submission({ evidence: [{ sha256: sha, kind: 'screenshot', mediaType: 'image/png', bytes: bytes.length, capturedAt: '2026-11-24T01:59:58.000Z' }] });
    const missing = submission({ evidence: [{ sha256: 'f'.repeat(64), kind: 'screenshot', mediaType: 'image/png', bytes: 10, capturedAt: '2026-11-24T01:59:58.000Z' }] });
    const unknownRight = submission({ ipRightId: 'not-ours' });
    const key = randomUUID();
    const body = { requests: [first, missing, unknownRight] };
    const submitted = (await conforms(await kit.submit(body, key), 'POST', '/v1/takedowns')) as { results: { outcome: string; caseId?: string }[] };
    expect(submitted.results.map((r) => r.outcome)).toEqual(['accepted', 'rejected', 'rejected']);
    await conforms(await kit.submit(body, key), 'POST', '/v1/takedowns'); // replay
    expect(((await conforms(await kit.submit({ requests: [first] }), 'POST', '/v1/takedowns')) as { results: { outcome: string }[] }).results[0]!.outcome).toBe('duplicate');
    expect((await kit.submit({ requests: [submission()] }, key)).status).toBe(422);
    await conforms(await kit.submit({ requests: [submission()] }, key), 'POST', '/v1/takedowns');
    await conforms(await kit.submit('{not json', randomUUID()), 'POST', '/v1/takedowns');

    for (let i = 0; i < 2; i++) await kit.submit({ requests: [submission()] });
    const page1 = (await conforms(await kit.call('/v1/takedowns?updatedSince=2000-01-01T00:00:00.000Z&limit=2'), 'GET', '/v1/takedowns')) as { nextCursor: string | null };
    expect(page1.nextCursor).toBeTruthy();
    await conforms(await kit.call(`/v1/takedowns?updatedSince=2000-01-01T00:00:00.000Z&limit=2&cursor=${encodeURIComponent(page1.nextCursor!)}`), 'GET', '/v1/takedowns');
    await conforms(await kit.call(`/v1/takedowns?caseIds=${submitted.results[0]!.caseId}`), 'GET', '/v1/takedowns');

    const caseId = submitted.results[0]!.caseId!;
    const answer = { responseId: randomUUID(), message: 'More proof.', evidence: [] };
    await conforms(await kit.call(`/v1/takedowns/${caseId}/responses`, { method: 'POST', body: JSON.stringify(answer), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() } }), 'POST', '/v1/takedowns/{caseId}/responses');
    await conforms(await kit.call(`/v1/takedowns/${caseId}/withdraw`, { method: 'POST' }), 'POST', '/v1/takedowns/{caseId}/withdraw');
    await conforms(await kit.call(`/v1/takedowns/${caseId}/withdraw`, { method: 'POST' }), 'POST', '/v1/takedowns/{caseId}/withdraw');
    await conforms(await kit.call('/v1/takedowns/TD-0000-000000/withdraw', { method: 'POST' }), 'POST', '/v1/takedowns/{caseId}/withdraw');

    kit.sb.faults.push({ kind: 'status', status: 429, retryAfter: '2', match: { method: 'GET', pathPrefix: '/v1/me' } });
    await conforms(await kit.call('/v1/me'), 'GET', '/v1/me');
  });
});
