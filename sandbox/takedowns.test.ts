import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBody, SubmitResponse } from '../src/shared/api/schemas.ts';
import type { SubmitResult } from '../src/shared/api/schemas.ts';
import { DEMO_COPYRIGHT_ID, OTHER_TOKEN, OTHER_TRADEMARK_ID } from './demo.ts';
import { sha256, startKit, submission } from './server.test-kit.ts';
import type { Kit } from './server.test-kit.ts';

let kit: Kit;
beforeEach(async () => { kit = await startKit(); });
afterEach(async () => { await kit.done(); });

async function results(r: Response): Promise<SubmitResult[]> {
  expect(r.status).toBe(202);
  return SubmitResponse.parse(await r.json()).results;
}

const evidenceRef = (sha: string) =>
  ({ sha256: sha, kind: 'screenshot', mediaType: 'image/png', bytes: 10, capturedAt: '2026-11-24T01:59:58.120Z' });

describe('POST /v1/takedowns', () => {
  it('accepts a request: 202, a TD case id, slaDueAt by the business-time rule', async () => {
    const sha = await kit.upload('screenshot');
    const sub = submission({ evidence: [evidenceRef(sha)] });
    const [res] = await results(await kit.submit({ requests: [sub] }));
    expect(res).toEqual({
      clientRequestId: sub.clientRequestId, outcome: 'accepted', caseId: 'TD-2026-000001',
      receivedAt: '2026-11-24T02:00:00.000Z', slaDueAt: '2026-11-25T02:00:00.000Z', // Tue 10:00 → Wed 10:00 Shanghai
    });
    const stored = kit.sb.getCase('TD-2026-000001');
    expect(stored?.status).toBe('received');
    expect(stored?.submission.listing).toEqual(sub.listing);
    expect(stored?.submission.evidence).toEqual(sub.evidence);
  });

  it('counts Lazada SLA in the country site zone, and weekends do not count', async () => {
    kit.clock.set('2026-11-21T03:00:00.000Z'); // Saturday 10:00 in Bangkok
    const sub = submission({ marketplace: 'lazada' });
    sub.listing.url = 'https://www.lazada.co.th/products/x-i1.html';
    const [res] = await results(await kit.submit({ requests: [sub] }));
    expect(res?.outcome === 'accepted' && res.slaDueAt).toBe('2026-11-23T17:00:00.000Z'); // Tue 00:00 Bangkok
  });

  it('numbers cases sequentially and answers one result per request, in order', async () => {
    const subs = [submission(), submission(), submission()];
    const res = await results(await kit.submit({ requests: subs }));
    expect(res.map((r) => r.clientRequestId)).toEqual(subs.map((s) => s.clientRequestId));
    expect(res.map((r) => (r.outcome === 'accepted' ? r.caseId : r.outcome))).toEqual(['TD-2026-000001', 'TD-2026-000002', 'TD-2026-000003']);
  });

  it('rejects per request: evidence_missing, unknown_ip_right, invalid_listing, listing_unavailable', async () => {
    const missing = submission({ evidence: [evidenceRef('a'.repeat(64))] });
    const foreignRight = submission({ ipRightId: OTHER_TRADEMARK_ID });
    const noRight = submission({ ipRightId: 'ipr_nope' });
    const badListing = { ...submission(), listing: { ...submission().listing, itemId: '', seller: {} } };
    const gone = submission({ marketplace: 'taobao' });
    kit.sb.markListingUnavailable('taobao', gone.listing.itemId);
    const fine = submission({ ipRightId: DEMO_COPYRIGHT_ID, reason: 'copyright_image' });
    const res = await results(await kit.submit({ requests: [missing, foreignRight, noRight, badListing, gone, fine] }));
    const codes = res.map((r) => (r.outcome === 'rejected' ? r.error.code : r.outcome));
    expect(codes).toEqual(['evidence_missing', 'unknown_ip_right', 'unknown_ip_right', 'invalid_listing', 'listing_unavailable', 'accepted']);
    expect(res[0]?.outcome === 'rejected' && res[0].error.details).toEqual({ missing: ['a'.repeat(64)] });
    expect(kit.sb.listCases()).toHaveLength(1);
  });

  it('accepts a request after its missing evidence is uploaded', async () => {
    const content = 'late screenshot';
    const sub = submission({ evidence: [evidenceRef(sha256(content))] });
    expect((await results(await kit.submit({ requests: [sub] })))[0]?.outcome).toBe('rejected');
    await kit.upload(content);
    expect((await results(await kit.submit({ requests: [sub] })))[0]?.outcome).toBe('accepted');
  });

  it('replays the first answer byte-for-byte for the same key and body, creating nothing', async () => {
    const key = randomUUID();
    const body = JSON.stringify({ requests: [submission(), submission()] });
    const first = await kit.submit(body, key);
    const firstText = await first.text();
    kit.clock.advance(3600_000);
    const again = await kit.submit(body, key);
    expect(again.status).toBe(202);
    expect(await again.text()).toBe(firstText);
    expect(kit.sb.listCases()).toHaveLength(2);
  });

  it('answers 422 idempotency_key_reused for the same key with another body', async () => {
    const key = randomUUID();
    await kit.submit({ requests: [submission()] }, key);
    const r = await kit.submit({ requests: [submission()] }, key);
    expect(r.status).toBe(422);
    expect(ApiErrorBody.parse(await r.json()).error.code).toBe('idempotency_key_reused');
    expect(kit.sb.listCases()).toHaveLength(1);
  });

  it('answers duplicate for a clientRequestId seen before, under a new key', async () => {
    const sub = submission();
    const [a] = await results(await kit.submit({ requests: [sub] }));
    kit.clock.advance(60_000);
    const [b] = await results(await kit.submit({ requests: [sub] }));
    expect(b).toEqual({ ...a, outcome: 'duplicate' });
    expect(kit.sb.listCases()).toHaveLength(1);
  });

  it('answers duplicate for a live case on the same marketplace and item, and accepts again once resolved', async () => {
    const first = submission();
    const [a] = await results(await kit.submit({ requests: [first] }));
    const second = submission({ listing: first.listing });
    const [b] = await results(await kit.submit({ requests: [second] }));
    expect(b?.outcome).toBe('duplicate');
    expect(b?.outcome === 'duplicate' && a?.outcome === 'accepted' && b.caseId === a.caseId).toBe(true);
    // Another member flagging the same item gets its own case.
    const foreign = submission({ listing: first.listing, ipRightId: OTHER_TRADEMARK_ID });
    expect((await results(await kit.submit({ requests: [foreign] }, randomUUID(), OTHER_TOKEN)))[0]).toMatchObject({ outcome: 'accepted', caseId: 'TD-2026-000002' });
    // Once resolved, the same item may be flagged again.
    kit.sb.setCaseStatus('TD-2026-000001', 'rejected');
    const third = submission({ listing: first.listing });
    expect((await results(await kit.submit({ requests: [third] })))[0]?.outcome).toBe('accepted');
    // The duplicate stays pinned to its case, even though that case is resolved now.
    expect((await results(await kit.submit({ requests: [second] })))[0]).toMatchObject({ outcome: 'duplicate', caseId: 'TD-2026-000001' });
  });

  it('answers 400 invalid_request for a missing key, a malformed body, or more than 100 requests', async () => {
    const noKey = await kit.call('/v1/takedowns', { method: 'POST', body: JSON.stringify({ requests: [submission()] }) });
    expect(noKey.status).toBe(400);
    const bodies: unknown[] = [
      '{not json', {}, { requests: [] },
      { requests: Array.from({ length: 101 }, () => submission()) },
      { requests: [{ ...submission(), reason: 'dislike' }] },
      { requests: [{ ...submission(), note: 'x'.repeat(2001) }] },
    ];
    for (const body of bodies) {
      const r = await kit.submit(body);
      expect(r.status).toBe(400);
      expect(ApiErrorBody.parse(await r.json()).error.code).toBe('invalid_request');
    }
    expect(kit.sb.listCases()).toHaveLength(0);
  });

  it('ignores unknown fields', async () => {
    const sub = { ...submission(), futureField: 1, listing: { ...submission().listing, extra: true } };
    expect((await results(await kit.submit({ requests: [sub], meta: 'x' })))[0]?.outcome).toBe('accepted');
  });
});
