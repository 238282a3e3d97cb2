// Test-only: what a user's database holds after some weeks of work, written through the
// product's own stores and kv registry. make.ts turns it into the committed snapshot of a
// version; a new store's author adds its records here (guarded by the version it came in).
import { createHash } from 'node:crypto';
import type { IDBPDatabase } from 'idb';
import type { FlaggerDB } from '../../../src/shared/db/schema.ts';
import { makeRecord, record } from '../records.ts';

const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
const sha = (b: ArrayBuffer) => createHash('sha256').update(Buffer.from(b)).digest('hex');

export async function seed(database: IDBPDatabase<FlaggerDB>): Promise<void> {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]).buffer as ArrayBuffer;
  const metadata = bytes('{"listing":{"itemId":"600000000001"}}\n');
  const manifest = bytes('{"format":"tdf-capture-manifest/1","previousManifestSha256":null}\n');
  const at = '2026-11-20T01:00:00.000Z';
  const ref = (kind: string, mediaType: string, b: ArrayBuffer) => ({ sha256: sha(b), kind, mediaType, bytes: b.byteLength, capturedAt: at });
  const evidence = [ref('screenshot', 'image/png', png), ref('metadata', 'application/json', metadata), ref('capture_manifest', 'application/json', manifest)];
  for (const [i, b] of [png, metadata, manifest].entries()) {
    await database.put('evidence', { sha256: evidence[i]!.sha256, mediaType: evidence[i]!.mediaType, bytes: b.byteLength, data: b, createdAt: at });
  }

  const requests = [
    record({ evidence }),
    makeRecord({ evidence, outbox: { state: 'sending', batchId: 'batch-1', attempts: 1 } }),
    makeRecord({ listing: { marketplace: 'lazada', itemId: '1234567', url: 'https://www.lazada.co.th/products/i1234567.html', seller: { name: 'ร้านค้า', id: '990001', shopUrl: null } } }),
    makeRecord({ outbox: { state: 'attention', attempts: 3, lastError: { code: 'listing_unavailable', message: 'The listing is gone.' } } }),
    makeRecord({ outbox: { state: 'submitted' }, caseId: 'TD-2026-000101', caseStatus: 'in_review', receivedAt: '2026-11-20T01:00:05.000Z', slaDueAt: '2026-11-23T01:00:05.000Z' }),
    makeRecord({ outbox: { state: 'submitted' }, caseId: 'TD-2026-000102', caseStatus: 'counter_notice', receivedAt: at, slaDueAt: '2026-11-23T01:00:00.000Z', respondBy: '2026-11-25T01:00:00.000Z' }),
    makeRecord({
      outbox: { state: 'submitted' },
      caseId: 'TD-2026-000103',
      caseStatus: 'taken_down',
      receivedAt: at,
      slaDueAt: '2026-11-23T01:00:00.000Z',
      resolvedAt: '2026-11-21T03:00:00.000Z',
      resolution: { code: 'removed', message: 'Removed by the marketplace.' },
    }),
  ];
  for (const r of requests) await database.put('requests', r);

  await database.put('batches', {
    batchId: 'batch-1',
    idempotencyKey: '3a0c2a2e-3b7e-4c61-9d3e-0f1b2c3d4e5f',
    clientRequestIds: [requests[1]!.clientRequestId],
    body: '{"requests":[]}',
    createdAt: at,
    attempts: 1,
    nextAttemptAt: Date.parse('2026-11-20T01:05:00.000Z'),
  });

  await database.put(
    'kv',
    {
      baseUrl: 'https://intake.alliance.example',
      token: 'tok_live_abc123',
      defaultIpRightId: 'ipr_7781',
      defaultReason: 'counterfeit',
      me: { member: { id: 'm_1', name: 'Example Brand Ltd' }, ipRights: [{ id: 'ipr_7781', kind: 'trademark', title: 'EXAMPLE', registrationNumber: 'CN-123', jurisdiction: 'CN', classes: [18, 25], brand: 'Example' }] },
      connection: { state: 'ok', message: 'Connected', at },
    },
    'settings',
  );
  await database.put('kv', { code: 'unauthorized', message: 'The token was refused.', at }, 'queuePause');
  await database.put('kv', { owner: 'worker-1', expiresAt: Date.parse('2026-11-20T01:00:30.000Z') }, 'senderLease');
  await database.put('kv', '2026-11-21T03:00:00.000Z', 'pollUpdatedSince');
  await database.put('kv', evidence[2]!.sha256, 'captureChainHead');
  await database.put('kv', 'https://intake.alliance.example', `uploaded:${evidence[0]!.sha256}`);
}
