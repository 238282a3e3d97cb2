import { z } from '../zod.ts';
import { DEFAULT_SETTINGS, LIMITS, Listing, QueuePause, Settings } from '../model.ts';

/**
 * Every entry of the `kv` store, declared once with the schema of what it holds. A stored
 * value is read back through its schema (a damaged or older record never reaches the code as
 * if it were current) and written through it (nothing unchecked goes in). To add an entry,
 * add a line here; the store's type then accepts the key everywhere, and only it.
 */

/** The outbox sender's lease (see background/outbox/lease.ts). */
export const SenderLease = z.object({ owner: z.string(), expiresAt: z.number() });
export type SenderLease = z.infer<typeof SenderLease>;

/**
 * The outbox's pace across batches (see background/outbox/pace.ts): the service's last
 * Retry-After, failures in a row, and the "service is back" probe while a backoff runs.
 */
export const SendPace = z.object({
  notBefore: z.number(),
  failuresInARow: z.number().int().min(0),
  probeAt: z.number().nullable(),
  failedProbes: z.number().int().min(0),
});
export type SendPace = z.infer<typeof SendPace>;

export const KV_KEYS = {
  /** What the options page saves; a record from an older version is completed with defaults. */
  settings: z.preprocess((raw) => ({ ...DEFAULT_SETTINGS, ...(raw !== null && typeof raw === 'object' ? raw : {}) }), Settings),
  /** Why the whole queue is stopped (a 401), until the settings change. */
  queuePause: QueuePause,
  senderLease: SenderLease,
  sendPace: SendPace,
  /** The case-status poll's watermark (`updatedSince` of the next poll). */
  pollUpdatedSince: z.string(),
  /** The SHA-256 of this device's newest capture manifest (the hash chain's head). */
  captureChainHead: z.string().regex(/^[0-9a-f]{64}$/),
  /** Requests whose answer to the alliance still has to be sent (background/answers.ts). */
  pendingAnswers: z.array(z.uuid()),
} as const;

/** A tab's selection on a search (background/selection-store.ts): the search, each listing and where it was selected. */
export const TabSelection = z.object({
  search: z.string().max(8192),
  items: z.array(z.object({ listing: Listing, selectedOn: z.string().max(8192), selectedAt: z.string(), again: z.boolean().optional() })).max(LIMITS.batch),
});
export type TabSelection = z.infer<typeof TabSelection>;

/** Entries with one key per thing: the prefix, then the thing's id. */
export const KV_PREFIXES = {
  /** `selection:<tabId>`: the selection of the search shown in that tab. */
  'selection:': TabSelection,
  /** `uploaded:<sha256>`: the API base URL that confirmed it holds this evidence. */
  'uploaded:': z.string(),
} as const;

type Fixed = typeof KV_KEYS;
type Prefixes = typeof KV_PREFIXES;

export type KvKey = keyof Fixed | `${keyof Prefixes}${string}`;

/** What a key holds once read (the schema's output). */
export type KvValue<K extends KvKey> = K extends keyof Fixed
  ? z.output<Fixed[K]>
  : K extends `${infer P extends keyof Prefixes}${string}`
    ? z.output<Prefixes[P]>
    : never;

export const selectionKey = (tabId: number) => `selection:${tabId}` as const;
export const uploadedKey = (sha256: string) => `uploaded:${sha256}` as const;

/** The schema of a key; a key that is not declared is a programming error. */
export function schemaOf(key: KvKey): z.ZodType {
  if (Object.hasOwn(KV_KEYS, key)) return KV_KEYS[key as keyof Fixed];
  for (const prefix of Object.keys(KV_PREFIXES) as (keyof Prefixes)[]) {
    if (key.startsWith(prefix)) return KV_PREFIXES[prefix];
  }
  throw new Error(`kv key "${key}" is not declared in src/shared/db/kv-keys.ts`);
}
