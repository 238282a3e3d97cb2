import { z } from './zod.ts';
import { IpRight, Listing, Reason, LIMITS } from './model.ts';

/**
 * Every message between the extension's contexts, declared once: a request and a response
 * schema, and who may send it. `content` = our content scripts (a sender with a tab);
 * `page` = our own extension pages (popup, options). The worker validates both the shape
 * and the sender where the message arrives.
 */
type Origin = 'content' | 'page';

function message<Req extends z.ZodType, Res extends z.ZodType>(type: string, from: Origin[], request: Req, response: Res) {
  return { type, from, request, response } as const;
}

const ItemRef = z.object({ marketplace: z.string().max(20), itemId: z.string().max(40) });

export const ItemAnnotation = z.object({
  marketplace: z.string(),
  itemId: z.string(),
  clientRequestId: z.string(),
  state: z.string(),
  slaDueAt: z.string().nullable(),
  caseId: z.string().nullable(),
});
export type ItemAnnotation = z.infer<typeof ItemAnnotation>;

const Failure = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) });

export const Messages = {
  /** A user flagged listings on the sender's tab. URL and tab come from `sender.tab`. */
  flag: message(
    'flag',
    ['content'],
    z.object({
      listings: z.array(z.unknown()).min(1).max(LIMITS.batch),
      reason: Reason,
      ipRightId: z.string().min(1).max(64),
      note: z.string().max(LIMITS.note),
    }),
    z.union([z.object({ ok: z.literal(true), clientRequestIds: z.array(z.string()), annotations: z.array(ItemAnnotation) }), Failure]),
  ),
  /** Which of these items already have a request (one batched question per page or scroll batch). */
  lookup: message(
    'lookup',
    ['content'],
    z.object({ items: z.array(ItemRef).max(2000) }),
    z.object({ annotations: z.array(ItemAnnotation), sellerCounts: z.record(z.string(), z.number()) }),
  ),
  /** What the flag form offers: the IP rights and defaults (never the token). */
  flagContext: message(
    'flagContext',
    ['content', 'page'],
    z.object({}),
    z.object({
      configured: z.boolean(),
      ipRights: z.array(IpRight),
      defaultIpRightId: z.string().nullable(),
      defaultReason: Reason,
    }),
  ),
  /** "Send now" in the popup. */
  sendNow: message('sendNow', ['page'], z.object({}), z.object({ ok: z.literal(true) })),
  /** The options page saved new settings: resume a paused queue and send. */
  settingsChanged: message('settingsChanged', ['page'], z.object({}), z.object({ ok: z.literal(true) })),
  /** Send a request the service refused again, optionally under another IP right. */
  resendRequest: message(
    'resendRequest',
    ['page'],
    z.object({ clientRequestId: z.uuid(), ipRightId: z.string().min(1).max(64).optional() }),
    z.union([z.object({ ok: z.literal(true) }), Failure]),
  ),
  /** Drop a request that was never accepted by the service (queued or needing attention). */
  discardRequest: message('discardRequest', ['page'], z.object({ clientRequestId: z.uuid() }), z.union([z.object({ ok: z.literal(true) }), Failure])),
  /** Withdraw a filed case that is not resolved yet. */
  withdrawCase: message('withdrawCase', ['page'], z.object({ clientRequestId: z.uuid() }), z.union([z.object({ ok: z.literal(true) }), Failure])),
} as const;

export type Messages = typeof Messages;
export type MessageName = keyof Messages;
export type RequestOf<K extends MessageName> = z.input<Messages[K]['request']>;
export type ResponseOf<K extends MessageName> = z.infer<Messages[K]['response']>;

/** The envelope on the wire: a namespace so that a listener can ignore foreign messages at once. */
export const NS = 'tdf/1';
export const Envelope = z.object({ ns: z.literal(NS), type: z.string(), payload: z.unknown() });

export { Listing };
