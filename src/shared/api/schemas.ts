// Wire shapes of the Alliance Takedown API v1 (shared/spec/alliance-api.md).
// Both the extension client and the sandbox parse with these, so a drift from
// the spec shows up on both sides at once. zod objects strip unknown fields,
// which is what the spec asks of both parties ("unknown fields are ignored").
import { z } from '../zod.ts';
import { isResolvedStatus, MARKETPLACES, REASON_CODES, KNOWN_CASE_STATUSES, MEMBER_ACTION_STATUSES, RESOLVED_CASE_STATUSES } from './statuses.ts';

export const MAX_BATCH = 100;
export const MAX_JSON_BYTES = 1024 * 1024;
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
export const MAX_NOTE_CHARS = 2000;

/** RFC 3339 in UTC with `Z`, any sub-second precision. */
export const Timestamp = z.iso.datetime();
export type Timestamp = z.infer<typeof Timestamp>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');
export type Sha256Hex = z.infer<typeof Sha256Hex>;

export const Marketplace = z.enum(MARKETPLACES);
export type Marketplace = z.infer<typeof Marketplace>;

export const Reason = z.enum(REASON_CODES);
export type Reason = z.infer<typeof Reason>;

export const IpRightKind = z.enum(['trademark', 'copyright', 'patent', 'design']);
export type IpRightKind = z.infer<typeof IpRightKind>;

// Only id, kind and title are needed to pick a right; the rest is shown when present.
export const IpRight = z.object({
  id: z.string().min(1),
  kind: IpRightKind,
  title: z.string(),
  registrationNumber: z.string().nullish(),
  jurisdiction: z.string().nullish(),
  classes: z.array(z.number().int()).nullish(),
  brand: z.string().nullish(),
});
export type IpRight = z.infer<typeof IpRight>;

export const Me = z.object({
  member: z.object({ id: z.string().min(1), name: z.string() }),
  ipRights: z.array(IpRight),
});
export type Me = z.infer<typeof Me>;

export const Money = z.object({
  amount: z.string().regex(/^\d+(\.\d+)?$/, 'decimal string'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code'),
});
export type Money = z.infer<typeof Money>;

export const Seller = z.object({
  name: z.string().min(1),
  id: z.string().nullish(),
  shopUrl: z.string().nullish(),
});
export type Seller = z.infer<typeof Seller>;

export const ListingPayload = z.object({
  url: z.url(),
  itemId: z.string().min(1),
  skuId: z.string().nullish(),
  title: z.string(),
  price: Money.nullish(),
  imageUrls: z.array(z.string()),
  seller: Seller,
});
export type ListingPayload = z.infer<typeof ListingPayload>;

// Open-ended on purpose: a newer client may add kinds the service just stores.
export const EvidenceKind = z.string().min(1).max(64);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const EvidenceRef = z.object({
  sha256: Sha256Hex,
  kind: EvidenceKind,
  mediaType: z.string().min(1),
  bytes: z.number().int().min(0),
  capturedAt: Timestamp,
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const TakedownSubmission = z.object({
  clientRequestId: z.uuid(),
  marketplace: Marketplace,
  listing: ListingPayload,
  ipRightId: z.string().min(1),
  reason: Reason,
  note: z.string().max(MAX_NOTE_CHARS).nullish(),
  evidence: z.array(EvidenceRef),
  flaggedAt: Timestamp,
});
export type TakedownSubmission = z.infer<typeof TakedownSubmission>;

export const SubmitBody = z.object({
  requests: z.array(TakedownSubmission).min(1).max(MAX_BATCH),
});
export type SubmitBody = z.infer<typeof SubmitBody>;

export const SUBMIT_REJECTION_CODES = ['evidence_missing', 'invalid_listing', 'unknown_ip_right', 'listing_unavailable'] as const;

export const ErrorInfo = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;

const ResultWithCase = {
  clientRequestId: z.string(),
  caseId: z.string().min(1),
  receivedAt: Timestamp,
  slaDueAt: Timestamp,
};

export const SubmitResult = z.discriminatedUnion('outcome', [
  z.object({ ...ResultWithCase, outcome: z.literal('accepted') }),
  z.object({ ...ResultWithCase, outcome: z.literal('duplicate') }),
  z.object({ clientRequestId: z.string(), outcome: z.literal('rejected'), error: ErrorInfo }),
]);
export type SubmitResult = z.infer<typeof SubmitResult>;

export const SubmitResponse = z.object({ results: z.array(SubmitResult) });
export type SubmitResponse = z.infer<typeof SubmitResponse>;

export { isResolvedStatus, KNOWN_CASE_STATUSES, MEMBER_ACTION_STATUSES, RESOLVED_CASE_STATUSES };
// A plain string: the spec tells clients to keep statuses they do not know.
export const CaseStatus = z.string();
export type CaseStatus = z.infer<typeof CaseStatus>;
export type KnownCaseStatus = (typeof KNOWN_CASE_STATUSES)[number];

export const Resolution = z.object({ code: z.string(), message: z.string() });
export type Resolution = z.infer<typeof Resolution>;

export const Case = z.object({
  caseId: z.string().min(1),
  clientRequestId: z.string(),
  status: CaseStatus,
  receivedAt: Timestamp,
  slaDueAt: Timestamp,
  updatedAt: Timestamp,
  resolvedAt: Timestamp.nullish(),
  resolution: Resolution.nullish(),
  respondBy: Timestamp.nullish(),
});
export type Case = z.infer<typeof Case>;

export const CasesResponse = z.object({
  cases: z.array(Case),
  nextCursor: z.string().nullable(),
});
export type CasesResponse = z.infer<typeof CasesResponse>;

export const ApiErrorBody = z.object({ error: ErrorInfo });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const EvidenceStored = z.object({
  sha256: Sha256Hex,
  bytes: z.number().int().min(0),
  receivedAt: Timestamp,
});
export type EvidenceStored = z.infer<typeof EvidenceStored>;

export const MAX_RESPONSE_CHARS = 4000;
export const MAX_RESPONSE_EVIDENCE = 20;

/** POST /v1/takedowns/{caseId}/responses: the member's answer to a case that waits on it. */
export const ResponseBody = z.object({
  responseId: z.uuid(),
  message: z.string().min(1).max(MAX_RESPONSE_CHARS),
  evidence: z.array(EvidenceRef).max(MAX_RESPONSE_EVIDENCE).default([]),
});
export type ResponseBody = z.infer<typeof ResponseBody>;
