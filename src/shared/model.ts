import { z } from './zod.ts';
import { EvidenceRef, IpRight, Marketplace, Me, Money, Reason, Resolution } from './api/schemas.ts';
import { capText } from './text.ts';

export { Marketplace, Reason, IpRight, Me, Money, EvidenceRef };

import { LIMITS } from './limits.ts';

export { LIMITS };

const cappedString = (max: number) => z.string().transform((s) => capText(s, max));
const httpUrl = z
  .string()
  .max(LIMITS.url)
  .refine((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL');
const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be a plain identifier');

/**
 * A listing as extracted from a marketplace page. Everything in it came from the page, so
 * it is validated and capped here, whatever the adapter did.
 */
export const Listing = z.object({
  marketplace: Marketplace,
  itemId: z.string().regex(/^[0-9A-Za-z_-]{1,40}$/, 'item id must be a plain identifier'),
  skuId: id.nullable().default(null),
  url: httpUrl,
  title: cappedString(LIMITS.title).pipe(z.string().min(1, 'title is empty')),
  price: Money.nullable().default(null),
  imageUrls: z.array(httpUrl).max(LIMITS.images).default([]),
  seller: z.object({
    name: cappedString(LIMITS.sellerName).pipe(z.string().min(1, 'seller name is empty')),
    id: id.nullable().default(null),
    shopUrl: httpUrl.nullable().default(null),
  }),
  /** The marketplace says the listing is gone (deleted, sold out for good). */
  unavailable: z.boolean().default(false),
});
export type Listing = z.infer<typeof Listing>;
export type ListingInput = z.input<typeof Listing>;

export { itemKey, sellerKey } from './keys.ts';

/** Where a request is in our own outbox, before and around the service's answer. */
// `capturing`: stored the moment the user flagged, its evidence still being captured.
export const OutboxState = z.enum(['capturing', 'queued', 'sending', 'attention', 'submitted']);
export type OutboxState = z.infer<typeof OutboxState>;

export const Problem = z.object({ code: z.string(), message: z.string() });
export type Problem = z.infer<typeof Problem>;

/**
 * The member's answer to a case that waits on it (needs_info, counter_notice), queued like a
 * flag: the exact body and Idempotency-Key are stored, so every retry sends the same bytes,
 * and responseId makes the service record it once whatever happens to the key.
 */
export const PendingAnswer = z.object({
  responseId: z.uuid(),
  idempotencyKey: z.string(),
  caseId: z.string(),
  body: z.string(),
  evidence: z.array(EvidenceRef),
  /** `capturing`: a fresh capture of the listing is being made for it; it is sent after. */
  state: z.enum(['capturing', 'queued', 'sending', 'attention', 'sent']),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.number(),
  lastError: Problem.nullable(),
  queuedAt: z.string(),
  sentAt: z.string().nullable(),
  /** What the fresh capture of the listing could not include, and why (said to the user). */
  gaps: z.array(Problem).optional(),
  /** Fresh captures begun for it (a worker stopped mid-capture begins again, a few times). */
  captureTries: z.number().int().min(0).optional(),
  /** The tab opened for the fresh capture, closed by the next worker if this one was stopped. */
  captureTabId: z.number().int().optional(),
});
export type PendingAnswer = z.infer<typeof PendingAnswer>;

/** The durable record of one takedown request (IndexedDB `requests` store). */
export const TakedownRecord = z.object({
  clientRequestId: z.uuid(),
  itemKey: z.string(),
  sellerKey: z.string(),
  listing: Listing,
  ipRightId: z.string().min(1),
  reason: Reason,
  note: z.string().max(LIMITS.note),
  flaggedAt: z.string(),
  /** Page URL and title as the browser reported them for the tab (never the page's word). */
  page: z.object({ url: z.string(), title: z.string() }),
  evidence: z.array(EvidenceRef),
  /** Artifacts we could not capture, and why (e.g. no screenshot permission). */
  evidenceGaps: z.array(Problem),
  outbox: z.object({
    state: OutboxState,
    attempts: z.number().int().min(0),
    nextAttemptAt: z.number(),
    lastError: Problem.nullable(),
    /** The stored batch this request is waiting in (resent with the same Idempotency-Key). */
    batchId: z.string().nullable(),
  }),
  caseId: z.string().nullable(),
  caseStatus: z.string().nullable(),
  receivedAt: z.string().nullable(),
  slaDueAt: z.string().nullable(),
  respondBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: Resolution.nullable(),
  /**
   * When the service first decided (taken_down, rejected or needs_info), as its updatedAt
   * of the first poll that showed it; the within-SLA rate compares it with slaDueAt.
   * Absent on records stored before it was kept.
   */
  decidedAt: z.string().nullable().optional(),
  /** The latest answer to the alliance, while it is sent and after. */
  answer: PendingAnswer.nullable().optional(),
  updatedAt: z.string(),
});
export type TakedownRecord = z.infer<typeof TakedownRecord>;

export { displayState } from './display-state.ts';

/** Settings live in the extension's IndexedDB, out of reach of content scripts. */
export const Settings = z.object({
  baseUrl: z.string(),
  token: z.string(),
  defaultIpRightId: z.string().nullable(),
  defaultReason: Reason,
  me: Me.nullable(),
  connection: z.object({
    state: z.enum(['ok', 'error', 'unknown']),
    message: z.string(),
    at: z.string().nullable(),
  }),
  /** RFC 3161 timestamp authorities, tried in order; empty: no trusted timestamps. */
  tsaUrls: z.array(z.string()).default([]),
  /** Screenshots see only the tab in front: may a capture bring its tab there for a moment? */
  captureBringToFront: z.boolean().default(false),
  /** The tab was closed or left the page before its capture: send what we have, or hold it for the user. */
  captureWhenImpossible: z.enum(['send', 'hold']).default('send'),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: '',
  token: '',
  defaultIpRightId: null,
  defaultReason: 'counterfeit',
  me: null,
  connection: { state: 'unknown', message: '', at: null },
  tsaUrls: [],
  captureBringToFront: false,
  captureWhenImpossible: 'send',
};

/** Why the whole queue is stopped (a 401), until the settings change. */
export const QueuePause = z.object({ code: z.string(), message: z.string(), at: z.string() });
export type QueuePause = z.infer<typeof QueuePause>;
