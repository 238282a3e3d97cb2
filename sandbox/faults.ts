// Fault injection for tests: the failures the spec tells clients to expect
// (5xx and 429 with Retry-After, hangs, resets, captive-portal HTML, JSON of
// the wrong shape). Queued faults are consumed in order by matching /v1 calls;
// a seeded random mode sprinkles them for soak tests.
import { z } from 'zod';
import { apiError } from './http-util.ts';
import type { Reply } from './http-util.ts';

export const FAULT_KINDS = ['status', 'hang', 'reset', 'html200', 'wrongShape'] as const;

export const Fault = z.object({
  kind: z.enum(FAULT_KINDS),
  /** For kind 'status'; 503 when absent. */
  status: z.number().int().min(400).max(599).optional(),
  retryAfter: z.string().optional(),
  match: z.object({ method: z.string().optional(), pathPrefix: z.string().optional() }).optional(),
  /** How many matching calls it hits; 1 when absent. */
  times: z.number().int().min(1).optional(),
  /**
   * 'before' (default): the call is not processed. 'after': it is processed and
   * stored, then the answer is lost or replaced: what a client's retry must survive.
   */
  when: z.enum(['before', 'after']).optional(),
});
export type Fault = z.infer<typeof Fault>;
export type FaultInput = z.input<typeof Fault>;

const FaultPick = z.union([z.enum(FAULT_KINDS), Fault]);

/**
 * Either one `rate` shared by `kinds` picked evenly, or a `mix` of faults each with its own
 * rate (e.g. 30% 503, 10% 429, 3% resets: the rest of the calls answer normally).
 */
export const RandomFaults = z.union([
  z.object({
    rate: z.number().min(0).max(1),
    kinds: z.array(FaultPick).min(1),
    seed: z.number().int().optional(),
  }),
  z.object({
    mix: z
      .array(z.object({ rate: z.number().min(0).max(1), fault: FaultPick }))
      .min(1)
      .refine((m) => m.reduce((sum, x) => sum + x.rate, 0) <= 1 + 1e-9, 'the rates of a mix add up to at most 1'),
    seed: z.number().int().optional(),
  }),
]);
export type RandomFaults = z.infer<typeof RandomFaults>;

/** mulberry32: a tiny seeded PRNG, so a random fault run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fault whose share of [0, 1) the draw falls in, or null for a normal answer. */
function pickFromMix(mix: { rate: number; fault: z.infer<typeof FaultPick> }[], draw: number) {
  let upTo = 0;
  for (const m of mix) {
    upTo += m.rate;
    if (draw < upTo) return m.fault;
  }
  return null;
}

const matches = (f: Fault, method: string, path: string) =>
  (!f.match?.method || f.match.method.toUpperCase() === method)
  && (!f.match?.pathPrefix || path.startsWith(f.match.pathPrefix));

export class FaultController {
  private queue: Array<{ fault: Fault; left: number }> = [];
  private random: { opts: RandomFaults; next: () => number } | null = null;

  /** Throws a ZodError on a malformed fault, so a test typo fails loudly. */
  push(fault: FaultInput): void {
    const f = Fault.parse(fault);
    this.queue.push({ fault: f, left: f.times ?? 1 });
  }

  setRandom(opts: z.input<typeof RandomFaults> | null): void {
    if (!opts) { this.random = null; return; }
    const parsed = RandomFaults.parse(opts);
    this.random = { opts: parsed, next: parsed.seed === undefined ? Math.random : seededRandom(parsed.seed) };
  }

  clear(): void {
    this.queue = [];
    this.random = null;
  }

  pending(): Fault[] {
    return this.queue.map((q) => q.fault);
  }

  /**
   * The fault for this call, if any; consumes one use of it. `explicit`: only faults whose
   * pathPrefix names this path (the TSA is hit only by faults aimed at it, never by one meant
   * for the next API call).
   */
  take(method: string, path: string, explicit = false): Fault | null {
    const i = this.queue.findIndex((q) => matches(q.fault, method, path) && (!explicit || Boolean(q.fault.match?.pathPrefix)));
    const hit = this.queue[i];
    if (hit) {
      if (--hit.left <= 0) this.queue.splice(i, 1);
      return hit.fault;
    }
    if (!this.random || explicit) return null;
    const { opts, next } = this.random;
    const pick = 'mix' in opts ? pickFromMix(opts.mix, next()) : next() < opts.rate ? opts.kinds[Math.floor(next() * opts.kinds.length)]! : null;
    if (!pick) return null;
    const fault: Fault = typeof pick === 'string' ? { kind: pick } : pick;
    return matches(fault, method, path) ? fault : null;
  }
}

const CAPTIVE_PORTAL = `<!doctype html>
<html><head><title>Welcome to Hotel Wi-Fi</title></head>
<body><h1>Please sign in to continue</h1><form method="post" action="/login">
<input name="room" placeholder="Room number"><button>Connect</button></form></body></html>
`;

function codeFor(status: number): string {
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

/** The answer a non-transport fault gives; `okStatus` is what the call would answer on success. */
export function faultReply(fault: Fault, okStatus: number): Reply {
  switch (fault.kind) {
    case 'html200':
      return { status: 200, body: CAPTIVE_PORTAL, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
    case 'wrongShape':
      return { status: okStatus, body: { ok: true, data: [{ message: 'Service moved. See portal.' }] } };
    default: {
      const status = fault.status ?? 503;
      const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
      return apiError(status, codeFor(status), 'Injected fault.', undefined, headers);
    }
  }
}
