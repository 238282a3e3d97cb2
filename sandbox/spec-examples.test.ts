// The JSON examples of shared/spec/alliance-api.md must parse with the wire
// schemas the client and the sandbox share; a drift on either side fails here.
import { describe, expect, it } from 'vitest';
import { Case, CasesResponse, Me, SubmitBody, SubmitResponse, isResolvedStatus } from '../src/shared/api/schemas.ts';

const sha = (c: string) => c.repeat(64);

describe('spec examples', () => {
  it('GET /v1/me', () => {
    expect(Me.safeParse({
      member: { id: 'm_1029', name: 'Example Brand Ltd.' },
      ipRights: [{ id: 'ipr_7781', kind: 'trademark', title: 'EXAMPLE (word mark)', registrationNumber: '12345678', jurisdiction: 'CN', classes: [18, 25], brand: 'Example' }],
    }).success).toBe(true);
  });

  const request = {
    clientRequestId: '6f1c0f5e-0c7e-4b8e-9a55-8d3b1c2e7a10',
    marketplace: 'tmall',
    listing: {
      url: 'https://detail.tmall.com/item.htm?id=600000000001', itemId: '600000000001', skuId: null, title: '…',
      price: { amount: '199.00', currency: 'CNY' }, imageUrls: ['https://img.alicdn.com/x.jpg'],
      seller: { name: '…', id: '2200000001', shopUrl: 'https://example.tmall.com/' },
    },
    ipRightId: 'ipr_7781',
    reason: 'counterfeit',
    note: 'Logo and hang-tag copied; price 80% below RRP.',
    evidence: [
      { sha256: sha('a'), kind: 'screenshot', mediaType: 'image/png', bytes: 183224, capturedAt: '2026-11-22T05:59:58.120Z' },
      { sha256: sha('b'), kind: 'page_archive', mediaType: 'multipart/related', bytes: 912334, capturedAt: '2026-11-22T05:59:58.400Z' },
      { sha256: sha('c'), kind: 'capture_manifest', mediaType: 'application/json', bytes: 1422, capturedAt: '2026-11-22T05:59:58.410Z' },
    ],
    flaggedAt: '2026-11-22T05:59:57.000Z',
  };

  it('POST /v1/takedowns body, and its limits', () => {
    expect(SubmitBody.safeParse({ requests: [request] }).success).toBe(true);
    expect(SubmitBody.safeParse({ requests: [] }).success).toBe(false);
    expect(SubmitBody.safeParse({ requests: [{ ...request, listing: { ...request.listing, price: { amount: '1,99', currency: 'CNY' } } }] }).success).toBe(false);
    expect(SubmitBody.safeParse({ requests: [{ ...request, evidence: [{ ...request.evidence[0], sha256: sha('A') }] }] }).success).toBe(false);
    // Unknown evidence kinds are kept open for newer clients.
    expect(SubmitBody.safeParse({ requests: [{ ...request, evidence: [{ ...request.evidence[0], kind: 'video' }] }] }).success).toBe(true);
  });

  it('POST /v1/takedowns answer', () => {
    const r = SubmitResponse.parse({
      results: [
        { clientRequestId: '6f1c…', outcome: 'accepted', caseId: 'TD-2026-000123', receivedAt: '2026-11-22T06:00:01.000Z', slaDueAt: '2026-11-23T06:00:01.000Z' },
        { clientRequestId: '9a2d…', outcome: 'duplicate', caseId: 'TD-2026-000099', receivedAt: '2026-11-21T10:00:00.000Z', slaDueAt: '2026-11-24T10:00:00.000Z' },
        { clientRequestId: 'b7e0…', outcome: 'rejected', error: { code: 'evidence_missing', message: '…' } },
      ],
    });
    expect(r.results.map((x) => x.outcome)).toEqual(['accepted', 'duplicate', 'rejected']);
    expect(SubmitResponse.safeParse({ results: [{ clientRequestId: 'x', outcome: 'accepted' }] }).success).toBe(false);
  });

  it('GET /v1/takedowns answer keeps unknown statuses', () => {
    const c = {
      caseId: 'TD-2026-000123', clientRequestId: '6f1c…', status: 'in_review', receivedAt: '2026-11-22T06:00:01.000Z',
      slaDueAt: '2026-11-23T06:00:01.000Z', updatedAt: '2026-11-22T07:12:00.000Z', resolvedAt: null, resolution: null, respondBy: null,
    };
    expect(CasesResponse.safeParse({ cases: [c], nextCursor: null }).success).toBe(true);
    expect(Case.parse({ ...c, status: 'escalated_to_court' }).status).toBe('escalated_to_court');
    expect(isResolvedStatus('reinstated')).toBe(true);
    expect(isResolvedStatus('counter_notice')).toBe(false);
  });
});
