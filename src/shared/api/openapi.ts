import { z } from '../zod.ts';
import { ApiErrorBody, Case, CasesResponse, EvidenceStored, Me, ResponseBody, SubmitBody, SubmitResponse, MAX_BATCH } from './schemas.ts';

/**
 * The alliance API (../shared/spec/alliance-api.md) as an OpenAPI 3.1 document, generated
 * from the zod schemas the client parses answers with and the sandbox checks bodies with,
 * so the published contract cannot drift from either. `npm run openapi` writes it to
 * openapi.json; the sandbox serves it at /openapi.json.
 */
function schema(s: z.ZodType, io: 'input' | 'output') {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const json = (ref: string, example?: unknown) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` }, ...(example === undefined ? {} : { example }) } });
const error = (description: string, code: string, message: string) => ({ description, content: json('Error', { error: { code, message } }) });
const retryAfter = { 'Retry-After': { $ref: '#/components/headers/Retry-After' } };

const errors = {
  400: error('The call itself is malformed (invalid_request; hash_mismatch for evidence); the same bytes will never work.', 'invalid_request', 'Body is not valid JSON.'),
  401: error('Token missing, wrong or expired: stop sending until the user fixes it.', 'unauthorized', 'Unknown token.'),
  403: error('Token valid but not allowed.', 'forbidden', 'That IP right belongs to another member.'),
  413: error('Body over the limit (1 MiB of JSON, 25 MiB of evidence).', 'payload_too_large', 'At most 1 MiB of JSON.'),
  429: { ...error('Slow down: at most 20 calls per second per token by default.', 'rate_limited', 'Too many requests.'), headers: retryAfter },
  500: { ...error('Transient (internal, unavailable): retry later.', 'internal', 'Something went wrong.'), headers: retryAfter },
  503: { ...error('Transient (unavailable): retry later, honouring Retry-After when present.', 'unavailable', 'Down for maintenance.'), headers: retryAfter },
};
const idempotent = { 422: error('The same Idempotency-Key was sent earlier with a different body.', 'idempotency_key_reused', 'This Idempotency-Key was used for another body.') };

const CASE_EXAMPLE = {
  caseId: 'TD-2026-000123',
  clientRequestId: '6f1c2b7e-0d4a-4c1e-9b3a-1f2e3d4c5b6a',
  status: 'in_review',
  receivedAt: '2026-11-22T06:00:01.000Z',
  slaDueAt: '2026-11-23T06:00:01.000Z',
  updatedAt: '2026-11-22T07:12:00.000Z',
  resolvedAt: null,
  resolution: null,
  respondBy: null,
};
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const caseIdParam = { name: 'caseId', in: 'path', required: true, schema: { type: 'string' }, example: 'TD-2026-000123' };
const shaParam = { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' }, example: SHA };

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Alliance Takedown API',
      version,
      summary: 'Counterfeit-listing takedown requests, their evidence and case status (version 1).',
      description: 'Every path is relative to the base URL the member configures. Errors always have the body {"error": {"code", "message", "details"?}}. A client must also expect transport failures and answers that are not JSON.',
    },
    servers: [{ url: 'https://intake.alliance.example', description: 'Example; each alliance service has its own base URL.' }],
    security: [{ bearer: [] }],
    paths: {
      '/v1/me': {
        get: {
          operationId: 'getMe',
          summary: 'Who the token belongs to and which IP rights it may enforce.',
          responses: { 200: { description: 'The member and its IP rights.', content: json('Me', { member: { id: 'm_1029', name: 'Example Brand Ltd.' }, ipRights: [{ id: 'ipr_7781', kind: 'trademark', title: 'EXAMPLE (word mark)', registrationNumber: '12345678', jurisdiction: 'CN' }] }) }, 401: errors[401], 429: errors[429], 500: errors[500], 503: errors[503] },
        },
      },
      '/v1/evidence/{sha256}': {
        parameters: [shaParam],
        head: { operationId: 'hasEvidence', summary: 'Whether the service already holds these bytes.', responses: { 200: { description: 'Held.' }, 404: { description: 'Not held: upload it.' }, 401: { description: 'Unauthorized.' }, 429: { description: 'Rate limited.', headers: retryAfter } } },
        put: {
          operationId: 'putEvidence',
          summary: 'Uploads evidence, content-addressed by the SHA-256 of its exact bytes. Safe to repeat.',
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } }, 'image/png': {}, 'image/jpeg': {}, 'multipart/related': {}, 'text/html': {}, 'application/json': {} } },
          responses: {
            200: { description: 'Already held.', content: json('EvidenceStored', { sha256: SHA, bytes: 0, receivedAt: '2026-11-22T06:00:00.000Z' }) },
            201: { description: 'Stored.', content: json('EvidenceStored', { sha256: SHA, bytes: 0, receivedAt: '2026-11-22T06:00:00.000Z' }) },
            400: error('The body does not hash to the path.', 'hash_mismatch', 'The body does not hash to the SHA-256 in the path.'),
            401: errors[401], 413: errors[413], 429: errors[429], 500: errors[500], 503: errors[503],
          },
        },
      },
      '/v1/takedowns': {
        post: {
          operationId: 'submitTakedowns',
          summary: `Submits 1 to ${MAX_BATCH} takedown requests; one result per request, in order.`,
          parameters: [{ $ref: '#/components/parameters/Idempotency-Key' }],
          requestBody: { required: true, content: json('SubmitBody') },
          responses: {
            202: { description: 'One result per request: accepted (a new case), duplicate (names the existing case) or rejected (evidence_missing, invalid_listing, unknown_ip_right, listing_unavailable). A replay of the same Idempotency-Key and body returns the first answer.', content: json('SubmitResponse', { results: [{ clientRequestId: '6f1c2b7e-0d4a-4c1e-9b3a-1f2e3d4c5b6a', outcome: 'accepted', caseId: 'TD-2026-000123', receivedAt: '2026-11-22T06:00:01.000Z', slaDueAt: '2026-11-23T06:00:01.000Z' }, { clientRequestId: 'b7e0a1c2-3d4e-4f50-8a1b-2c3d4e5f6a7b', outcome: 'rejected', error: { code: 'evidence_missing', message: 'Upload the evidence, then send again.' } }] }) },
            400: errors[400], 401: errors[401], 403: errors[403], 413: errors[413], ...idempotent, 429: errors[429], 500: errors[500], 503: errors[503],
          },
        },
        get: {
          operationId: 'listTakedowns',
          summary: 'Status of cases: by caseIds, or changed since a time, paged.',
          parameters: [
            { name: 'caseIds', in: 'query', schema: { type: 'string' }, description: `Comma-separated, at most ${MAX_BATCH}.`, example: 'TD-2026-000123,TD-2026-000124' },
            { name: 'updatedSince', in: 'query', schema: { type: 'string', format: 'date-time' } },
            { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'Opaque; nextCursor of the previous page.' },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
          ],
          responses: { 200: { description: 'The cases; nextCursor is null on the last page.', content: json('CasesResponse', { cases: [CASE_EXAMPLE], nextCursor: null }) }, 400: errors[400], 401: errors[401], 429: errors[429], 500: errors[500], 503: errors[503] },
        },
      },
      '/v1/takedowns/{caseId}/withdraw': {
        parameters: [caseIdParam],
        post: {
          operationId: 'withdrawTakedown',
          summary: 'Withdraws a case that is not yet resolved.',
          responses: { 200: { description: 'The withdrawn case.', content: json('Case', { ...CASE_EXAMPLE, status: 'withdrawn' }) }, 401: errors[401], 404: error('Unknown case.', 'not_found', 'No such case.'), 409: error('Already resolved.', 'conflict', 'The case is already resolved.'), 429: errors[429], 500: errors[500], 503: errors[503] },
        },
      },
      '/v1/takedowns/{caseId}/responses': {
        parameters: [caseIdParam],
        post: {
          operationId: 'respondToTakedown',
          summary: "The member's answer to a case in needs_info or counter_notice (before respondBy).",
          parameters: [{ $ref: '#/components/parameters/Idempotency-Key' }],
          requestBody: { required: true, content: json('ResponseBody', { responseId: '1d7c2f0a-5b7e-4c0e-9f3a-2b8e6d4c1a90', message: 'Attached: test-purchase report and the official product page.', evidence: [] }) },
          responses: {
            202: { description: 'The case, in_review again.', content: json('Case', { ...CASE_EXAMPLE, status: 'in_review' }) },
            400: errors[400], 401: errors[401], 404: error('Unknown case.', 'not_found', 'No such case.'),
            409: error('The case waits on no answer (not_waiting), or evidence was not uploaded first (evidence_missing).', 'not_waiting', 'This case is not waiting for an answer.'),
            ...idempotent, 429: errors[429], 500: errors[500], 503: errors[503],
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The member token issued by the alliance (a secret).' } },
      parameters: {
        'Idempotency-Key': { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', format: 'uuid' }, description: 'Stored with the request and sent again on every retry: the same key and body replay the first answer; another body answers 422.' },
      },
      headers: {
        'Retry-After': { description: 'Seconds, or an HTTP date, to wait before the next call.', schema: { type: 'string' }, example: '2' },
      },
      schemas: {
        Error: schema(ApiErrorBody, 'output'),
        Me: schema(Me, 'output'),
        EvidenceStored: schema(EvidenceStored, 'output'),
        SubmitBody: schema(SubmitBody, 'input'),
        SubmitResponse: schema(SubmitResponse, 'output'),
        Case: schema(Case, 'output'),
        CasesResponse: schema(CasesResponse, 'output'),
        ResponseBody: schema(ResponseBody, 'input'),
      },
    },
  };
}
