import { z } from './zod.ts';
import { EvidenceRef, IpRight, Listing, Reason, LIMITS } from './model.ts';
import { MAX_RESPONSE_CHARS, MAX_RESPONSE_EVIDENCE } from './api/schemas.ts';
import { LOOKUP_MAX, NS, TAB_NS } from './wire.ts';

export { LOOKUP_MAX, NS, TAB_NS };

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
/** A seller seen on a page; its key is `sellerKey` of model.ts (the id, else the name). */
const SellerRef = z.object({
  marketplace: z.string().max(20),
  sellerId: z.string().max(LIMITS.id).nullable(),
  sellerName: z.string().max(LIMITS.sellerName),
});
export type SellerRef = z.infer<typeof SellerRef>;

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
      /**
       * Made once per submit by the content script: sending it again (the worker was stopped
       * before it answered) gives the first answer, never a second set of requests.
       */
      submitId: z.uuid().optional(),
      /** Items the user chose to flag again although this device already has a request for them. */
      flagAgain: z.array(z.string().max(40)).max(LIMITS.batch).optional(),
    }),
    z.union([
      z.object({
        ok: z.literal(true),
        /** The capture job: ask `captureProgress` about it (null: nothing to capture). */
        jobId: z.string().nullable().optional(),
        clientRequestIds: z.array(z.string()),
        annotations: z.array(ItemAnnotation),
        /** Listings not flagged because this device already has a request for them ("already reported"). */
        skipped: z.array(ItemAnnotation).optional(),
      }),
      Failure,
    ]),
  ),
  /** How far the evidence of a flag is: listings whose evidence is stored, of all. */
  captureProgress: message(
    'captureProgress',
    ['content', 'page'],
    z.object({ jobId: z.string().max(64) }),
    z.object({
      done: z.number().int().min(0),
      total: z.number().int().min(0),
      state: z.enum(['capturing', 'waiting_tab', 'sealed', 'unknown']),
      /** Listings stored without a screenshot of their own (the popup says why). */
      missing: z.number().int().min(0),
    }),
  ),
  /** The user stops a capture midway: what is stored stays, the rest is recorded as missing. */
  stopCapture: message('stopCapture', ['content', 'page'], z.object({ jobId: z.string().max(64) }), z.object({ ok: z.boolean() })),
  /**
   * The popup's Stop: every capture still running or waiting for its tab stops, as each page's
   * own Stop does. The page's Stop is hidden with the rest of our UI while a step is captured
   * (it must not be in the evidence); the popup is not in the tab, so it stays reachable.
   */
  stopCaptures: message('stopCaptures', ['page'], z.object({}), z.object({ stopped: z.number().int().min(0) })),
  /** "Capture again" on a request whose evidence is incomplete and that was not sent yet. */
  recaptureRequest: message('recaptureRequest', ['page'], z.object({ clientRequestId: z.uuid() }), z.union([z.object({ ok: z.literal(true) }), Failure])),
  /** "Try again" on a capture manifest's trusted timestamp that was given up (or never asked for). */
  retryStamp: message('retryStamp', ['page'], z.object({ manifestSha256: z.string().regex(/^[0-9a-f]{64}$/) }), z.union([z.object({ ok: z.literal(true) }), Failure])),
  /**
   * Which of these items already have a request, and how many requests each of these sellers
   * has (repeat sellers): one batched question per page or scroll batch.
   */
  lookup: message(
    'lookup',
    ['content'],
    z.object({ items: z.array(ItemRef).max(LOOKUP_MAX), sellers: z.array(SellerRef).max(LOOKUP_MAX).default([]) }),
    z.object({
      annotations: z.array(ItemAnnotation).max(LOOKUP_MAX),
      // Keyed by sellerKey (model.ts): the asked sellers plus the sellers of the items found.
      sellerCounts: z
        .record(z.string().max(300), z.number().int().min(0))
        .refine((counts) => Object.keys(counts).length <= 2 * LOOKUP_MAX, 'too many seller counts'),
    }),
  ),
  /**
   * The strings a marketplace page shows: every message of the catalogue the browser chose,
   * its substitutions marked (i18n.ts SLOTS). Asking the worker spares each tab the
   * renderer's own, synchronous load of the catalogue.
   */
  pageStrings: message('pageStrings', ['content'], z.object({}), z.object({ strings: z.record(z.string().max(100), z.string().max(2000)) })),
  /** The selection of the search the sender's tab shows, kept by the worker across result pages. */
  selectionGet: message(
    'selectionGet',
    ['content'],
    z.object({}),
    /** `again`: the listings among them the user chose to flag again although they have a request. */
    z.object({ listings: z.array(Listing).max(LIMITS.batch), again: z.array(z.string().max(40)).max(LIMITS.batch).optional() }),
  ),
  /** The page's selection changed: it replaces the tab's (empty: flagged or cleared). Tab and page from `sender.tab`. */
  selectionSet: message(
    'selectionSet',
    ['content'],
    z.object({ listings: z.array(z.unknown()).max(LIMITS.batch), again: z.array(z.string().max(40)).max(LIMITS.batch).optional() }),
    z.union([z.object({ ok: z.literal(true), count: z.number().int().min(0) }), Failure]),
  ),
  /** What the flag form offers: the IP rights and defaults (never the token). */
  flagContext: message(
    'flagContext',
    ['content', 'page'],
    /** `count`: how many listings the form is about to file, for the good-faith projection. */
    z.object({ count: z.number().int().min(1).max(LIMITS.batch).optional() }),
    z.object({
      configured: z.boolean(),
      ipRights: z.array(IpRight),
      defaultIpRightId: z.string().nullable(),
      defaultReason: Reason,
      /**
       * Per reason: would filing `count` more push the 90-day record past the fast-lane
       * thresholds, if they fare as that reason's past requests did (kind and projected rate).
       */
      warnings: z.record(z.string(), z.array(z.object({ kind: z.enum(['success', 'counter_notices']), rate: z.number() }))).optional(),
    }),
  ),
  /**
   * The keyboard shortcuts as the user set them (chrome.commands.getAll, which content
   * scripts cannot call): `shortcut` is empty when the user left a command unassigned.
   */
  shortcuts: message(
    'shortcuts',
    ['content', 'page'],
    z.object({}),
    z.object({
      commands: z.array(z.object({ name: z.string().max(64), shortcut: z.string().max(64), description: z.string().max(300) })).max(20),
      /** Where the user changes them: the page the worker can open, or instructions when it cannot. */
      browser: z.enum(['chromium', 'firefox']),
    }),
  ),
  /** "Change shortcuts": the browser's own shortcuts page (Chrome), or its dialog (Firefox). */
  openShortcutSettings: message('openShortcutSettings', ['content', 'page'], z.object({}), z.object({ opened: z.boolean() })),
  /** The popup opened (and every half minute while open): fetch case statuses now, not at the next alarm. */
  refreshCases: message('refreshCases', ['page'], z.object({}), z.object({ ok: z.literal(true) })),
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
  /**
   * Answer a case that waits on the member. Files were stored in the evidence store by the
   * page first (their bytes do not travel in messages); `attachPage` asks for a fresh capture
   * of the listing.
   */
  respondToCase: message(
    'respondToCase',
    ['page'],
    z.object({
      clientRequestId: z.uuid(),
      message: z.string().trim().min(1).max(MAX_RESPONSE_CHARS),
      evidence: z.array(EvidenceRef).max(MAX_RESPONSE_EVIDENCE),
      attachPage: z.boolean(),
    }),
    z.union([z.object({ ok: z.literal(true) }), Failure]),
  ),
} as const;

export type Messages = typeof Messages;
export type MessageName = keyof Messages;
export type RequestOf<K extends MessageName> = z.input<Messages[K]['request']>;
export type ResponseOf<K extends MessageName> = z.infer<Messages[K]['response']>;

/** The envelope on the wire: a namespace so that a listener can ignore foreign messages at once. */
export const Envelope = z.object({ ns: z.literal(NS), type: z.string(), payload: z.unknown() });

export { Listing };

/**
 * Worker → our content script in a tab (chrome.tabs.sendMessage to the top frame): the
 * capture choreography (hide our UI, scroll, measure cards, restore) and the keyboard
 * command. The content script obeys only its own extension's worker and checks the shape.
 */
export const TabEnvelope = z.object({ ns: z.literal(TAB_NS), type: z.string(), payload: z.unknown() });

const px = z.number().min(-1e7).max(1e7);
/** A rectangle in the viewport, CSS px. */
export const ViewRect = z.object({ x: px, y: px, width: px.min(0), height: px.min(0) });
export type ViewRect = z.infer<typeof ViewRect>;
const CardRect = z.object({ itemId: z.string().max(40), rect: ViewRect });
/** Where the page is scrolled and how big it is (CSS px), plus the asked cards' rectangles in the viewport. */
export const ScrollState = z.object({
  scrollX: px,
  scrollY: px,
  viewportWidth: z.number().min(1).max(1e5),
  viewportHeight: z.number().min(1).max(1e5),
  pageHeight: z.number().min(0).max(1e7),
  devicePixelRatio: z.number().min(0.1).max(16),
  cards: z.array(CardRect).max(LIMITS.batch),
});
export type ScrollState = z.infer<typeof ScrollState>;

/** What a capture must show before it is sealed: the listing's main images and its price. */
const CaptureExpect = z.object({
  imageUrls: z.array(z.string().max(2048)).max(50),
  /** Decimal amounts as the listing has them ("199.00"); empty when it has no price. */
  prices: z.array(z.string().max(32)).max(LIMITS.batch),
});
/** The page's side of a capture's context and completeness (captureBegin's answer). */
export const CapturePage = z.object({
  /** The document's URL when captured (after redirects and in-page navigation). */
  url: z.string().max(8192),
  /** Redirects the browser followed to this document (same-origin ones only are counted). */
  redirectCount: z.number().int().min(0).max(100),
  /** The page was in front: visible in its window and focused. */
  visible: z.boolean(),
  focused: z.boolean(),
  /** What still showed a placeholder when the capture was sealed. */
  missing: z.array(z.object({ what: z.enum(['image', 'price']), detail: z.string().max(2048) })).max(60),
});
export type CapturePage = z.infer<typeof CapturePage>;
export const CaptureStart = ScrollState.extend({ page: CapturePage.optional() });
export type CaptureStart = z.infer<typeof CaptureStart>;
const ItemIds = z.array(z.string().max(40)).max(LIMITS.batch);

function tabMessage<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response } as const;
}

export const TabMessages = {
  /** Hide our UI (it is not evidence), then report the scroll state once that is painted. */
  captureBegin: tabMessage(z.object({ itemIds: ItemIds, expect: CaptureExpect.optional() }), CaptureStart),
  /** Scroll to `y` and answer once the new position is painted (two animation frames). */
  captureScroll: tabMessage(z.object({ y: z.number().min(0).max(1e7), itemIds: ItemIds }), ScrollState),
  /** Put the user's scroll position and our UI back. */
  captureEnd: tabMessage(z.object({ scrollX: px, scrollY: px }), z.object({ ok: z.literal(true) })),
  /** The serialized page, when the browser cannot make an MHTML archive. */
  pageHtml: tabMessage(z.object({ maxChars: z.number().int().min(1).max(50_000_000) }), z.object({ html: z.string().max(50_000_000), truncated: z.boolean() })),
  /**
   * The keyboard command "flag this listing": the item page's flag form, or on a search page
   * the focused card's (asking first when the listing already has a request).
   */
  openFlagForm: tabMessage(z.object({}), z.object({ opened: z.boolean() })),
  /** The keyboard command: select or unselect the focused card (its box has focus, else the card under the pointer). */
  toggleFocusedCard: tabMessage(z.object({}), z.object({ done: z.boolean() })),
  /** The keyboard command: open the toolbar's flag form for the selection. */
  openSelectionForm: tabMessage(z.object({}), z.object({ done: z.boolean() })),
  /**
   * The context menu on a link to a listing. `link`: what the worker read from the link's
   * URL (null when it names no listing we know); `existing`: this device's latest request
   * for that listing, so that the form asks before flagging it again.
   */
  linkMenu: tabMessage(
    z.object({
      action: z.enum(['flag', 'select']),
      linkUrl: z.string().max(8192),
      link: z.object({ marketplace: z.string().max(20), itemId: z.string().max(40), url: z.string().max(2048) }).nullable(),
      existing: ItemAnnotation.nullable(),
    }),
    z.object({ done: z.boolean() }),
  ),
} as const;
export type TabMessageName = keyof typeof TabMessages;
export type TabRequestOf<K extends TabMessageName> = z.input<(typeof TabMessages)[K]['request']>;
export type TabResponseOf<K extends TabMessageName> = z.infer<(typeof TabMessages)[K]['response']>;
