import type { StampJob } from '../shared/db/schema.ts';
import type { TakedownRecord } from '../shared/model.ts';
import { EVIDENCE_KIND } from '../evidence/kinds.ts';

/**
 * Where the trusted timestamp of a request's capture stands (shared/spec/timestamps.md), as
 * a brand rep or their lawyer asks it: is this capture stamped, by whom and when; if not,
 * why not and when is it tried again; or was no TSA set when it was captured.
 */
export type StampStatus =
  /** Nothing captured yet (or the capture has no manifest): nothing to stamp. */
  | { kind: 'no_capture' }
  | { kind: 'stamped'; manifestSha256: string; tsa: string; genTime: string; tokenSha256: string; tokens: number }
  /** Asked for and not granted yet; `nextTry` null while no TSA is configured. */
  | { kind: 'owed'; manifestSha256: string; reason: string | null; nextTry: number | null; since: string }
  | { kind: 'failed'; manifestSha256: string; reason: string; failedAt: string }
  /** No TSA was configured when this was captured; `canAsk`: one is now. */
  | { kind: 'none'; manifestSha256: string; canAsk: boolean };

/** The request's newest capture manifest: the one its evidence (and its stamp) rests on. */
export function manifestOf(r: Pick<TakedownRecord, 'evidence'>): string | null {
  return r.evidence.findLast((e) => e.kind === EVIDENCE_KIND.manifest)?.sha256 ?? null;
}

export function stampStatus(r: Pick<TakedownRecord, 'evidence'>, job: StampJob | undefined, tsaConfigured: boolean): StampStatus {
  const manifestSha256 = manifestOf(r);
  if (!manifestSha256) return { kind: 'no_capture' };
  if (!job) return { kind: 'none', manifestSha256, canAsk: tsaConfigured };
  const first = job.tokens[0];
  if (job.state === 'stamped' && first) return { kind: 'stamped', manifestSha256, tsa: first.tsa, genTime: first.genTime, tokenSha256: first.sha256, tokens: job.tokens.length };
  if (job.state === 'failed') return { kind: 'failed', manifestSha256, reason: job.lastError ?? '', failedAt: job.failedAt ?? job.createdAt };
  return { kind: 'owed', manifestSha256, reason: job.lastError, nextTry: tsaConfigured ? job.nextAttemptAt : null, since: job.triesSince ?? job.createdAt };
}

/** "CN=Sandbox TSA, O=…" → "Sandbox TSA": the name a reader knows the TSA by. */
export function tsaName(subject: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1]?.trim() || subject;
}
