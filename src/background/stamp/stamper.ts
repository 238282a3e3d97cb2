import { db } from '../../shared/db/open.ts';
import { announce } from '../../shared/db/changes.ts';
import { getSettings } from '../../shared/db/kv.ts';
import type { StampJob } from '../../shared/db/schema.ts';
import type { EvidenceRef, TakedownRecord } from '../../shared/model.ts';
import { EVIDENCE_KIND, sha256Hex, TIMESTAMP_MEDIA_TYPE } from '../../evidence/format.ts';
import { checkTimeStampResp, newNonce, timeStampRequest, type TokenInfo } from '../../evidence/timestamp.ts';
import { afterFailedRound, triedAgain } from './policy.ts';
import { askTsa } from './tsa-call.ts';
import { t } from '../../shared/i18n.ts';
import { putRequest } from '../../shared/db/request-put.ts';

export interface StamperDeps {
  now: () => number;
  random: () => number;
  /** False while the browser is offline: no TSA is asked, and no failure is counted. */
  online?: () => boolean;
}

/** While offline, look again this much later (coming back online also starts a round at once). */
const OFFLINE_RECHECK_MS = 60_000;

/** A new job for a manifest just stored: due at once. */
export function newStampJob(manifestSha256: string, now: Date): StampJob {
  return { manifestSha256, state: 'pending', createdAt: now.toISOString(), attempts: 0, nextAttemptAt: now.getTime(), lastError: null, tokens: [] };
}

/**
 * Asks the configured TSAs, in order, to stamp every capture manifest whose job is due,
 * keeps each granted and verified token, and puts the rest off with backoff. Returns the
 * earliest time a job is due again (for the wake-up alarm), or null.
 */
export async function stampDue(deps: StamperDeps): Promise<number | null> {
  const urls = (await getSettings()).tsaUrls;
  const database = await db();
  const pending = await database.getAllFromIndex('stamps', 'byState', 'pending');
  if (urls.length === 0) return null; // Jobs wait until a TSA is configured again.
  const due = pending.filter((j) => j.nextAttemptAt <= deps.now());
  if (due.length > 0 && deps.online && !deps.online()) return deps.now() + OFFLINE_RECHECK_MS;
  for (const job of due) {
    const blob = await database.get('evidence', job.manifestSha256);
    if (!blob) {
      await putOff(job, t('stamp_error_manifest_gone'), deps);
      continue;
    }
    const data = new Uint8Array(blob.data);
    const imprint = hexBytes(await sha256Hex(data));
    const errors: string[] = [];
    let granted: { url: string; bytes: Uint8Array; info: TokenInfo } | null = null;
    for (const url of urls) {
      const nonce = newNonce();
      const answer = await askTsa(url, timeStampRequest(imprint, nonce));
      const check = answer.ok ? await checkTimeStampResp(answer.bytes, { data, nonce }) : null;
      if (answer.ok && check?.ok) {
        granted = { url, bytes: answer.bytes, info: check.info };
        break;
      }
      errors.push(`${url}: ${answer.ok ? (check as { message: string }).message : answer.message}`);
    }
    if (granted) await keepToken(job, granted);
    else await putOff(job, errors.join('; '), deps);
  }
  const left = (await database.getAllFromIndex('stamps', 'byState', 'pending')).map((j) => j.nextAttemptAt);
  return left.length ? Math.min(...left) : null;
}

/** Back online or "send now": every waiting job is due at once, and its backoff starts small. */
export async function makeStampsDue(now: number): Promise<void> {
  const tx = (await db()).transaction('stamps', 'readwrite');
  for (const job of await tx.store.index('byState').getAll('pending')) await tx.store.put({ ...job, attempts: 0, nextAttemptAt: now });
  await tx.done;
}

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));

/** A round in which every TSA failed: tried again later, or given up by the policy. */
async function putOff(job: StampJob, error: string, deps: StamperDeps): Promise<void> {
  const tx = (await db()).transaction('stamps', 'readwrite');
  const current = await tx.store.get(job.manifestSha256);
  if (current?.state === 'pending') await tx.store.put(afterFailedRound(current, error, deps.now(), deps.random));
  await tx.done;
  // The popup shows why a stamp is owed and when it is tried next.
  announce('stamps');
}

/**
 * "Try again" on a stamp the policy gave up on (or one never asked for because no TSA was
 * set when the capture was made): a new period of tries, starting now.
 */
export async function retryStamp(manifestSha256: string, now: number): Promise<{ ok: true } | { ok: false; code: string }> {
  const tx = (await db()).transaction(['stamps', 'evidence'], 'readwrite');
  const current = await tx.objectStore('stamps').get(manifestSha256);
  const known = current ?? ((await tx.objectStore('evidence').getKey(manifestSha256)) ? newStampJob(manifestSha256, new Date(now)) : undefined);
  if (!known || known.state === 'stamped') {
    await tx.done;
    return { ok: false, code: known ? 'already_stamped' : 'not_found' };
  }
  await tx.objectStore('stamps').put(triedAgain(known, now));
  await tx.done;
  announce('stamps');
  return { ok: true };
}

/** A request not yet in a batch can still carry the token to the service. */
const stillUnsent = (r: TakedownRecord) => r.outbox.batchId === null && r.caseId === null && (r.outbox.state === 'queued' || r.outbox.state === 'attention');

/**
 * Stores the token (content-addressed, like every artifact), marks the job stamped and adds
 * the token to the manifest's requests that have not gone out yet: one transaction, so a
 * worker killed here leaves either no token or all of it.
 */
async function keepToken(job: StampJob, got: { url: string; bytes: Uint8Array; info: TokenInfo }): Promise<void> {
  const sha256 = await sha256Hex(got.bytes);
  const data = got.bytes.slice().buffer as ArrayBuffer;
  const ref: EvidenceRef = { sha256, kind: EVIDENCE_KIND.timestampToken, mediaType: TIMESTAMP_MEDIA_TYPE, bytes: got.bytes.length, capturedAt: got.info.genTime };
  const tx = (await db()).transaction(['stamps', 'evidence', 'requests'], 'readwrite');
  const current = await tx.objectStore('stamps').get(job.manifestSha256);
  if (!current || current.state !== 'pending') {
    await tx.done;
    return;
  }
  await tx.objectStore('evidence').put({ sha256, mediaType: TIMESTAMP_MEDIA_TYPE, bytes: got.bytes.length, data, createdAt: got.info.genTime });
  await tx.objectStore('stamps').put({
    ...current,
    state: 'stamped',
    lastError: null,
    tokens: [...current.tokens, { sha256, tsaUrl: got.url, genTime: got.info.genTime, tsa: got.info.tsa }],
  });
  const requests = tx.objectStore('requests');
  const waiting = [...(await requests.index('byOutboxState').getAll('queued')), ...(await requests.index('byOutboxState').getAll('attention'))];
  for (const r of waiting) {
    if (!r.evidence.some((e) => e.sha256 === job.manifestSha256) || !stillUnsent(r) || r.evidence.some((e) => e.sha256 === sha256)) continue;
    await putRequest(requests, { ...r, evidence: [...r.evidence, ref] });
  }
  await tx.done;
  announce('requests');
}
