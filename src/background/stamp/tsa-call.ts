import { TIMESTAMP_QUERY_TYPE } from '../../evidence/timestamp.ts';
import { t } from '../../shared/i18n.ts';

/** Below Chrome's 30 s limit on a fetch in the worker, like the API client's. */
export const TSA_TIMEOUT_MS = 15_000;
/** A TimeStampResp is a few kB; anything far larger is not one. */
const MAX_ANSWER_BYTES = 256 * 1024;

export type TsaAnswer = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * POSTs a DER TimeStampReq to one TSA. The TSA sees the manifest's hash and a nonce, never
 * the page, and gets no cookies or credentials. Every failure is an answer, never a throw.
 */
export async function askTsa(url: string, query: Uint8Array, timeoutMs = TSA_TIMEOUT_MS): Promise<TsaAnswer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': TIMESTAMP_QUERY_TYPE },
      body: query as BodyInit,
      signal: timeout,
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (err) {
    return { ok: false, message: timeout.aborted ? t('tsa_error_timeout') : t('tsa_error_unreachable', (err as Error).message) };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, message: t('tsa_error_http', String(res.status)) };
  }
  const bytes = new Uint8Array(await res.arrayBuffer().catch(() => new ArrayBuffer(0)));
  if (bytes.length === 0) return { ok: false, message: t('tsa_error_empty') };
  if (bytes.length > MAX_ANSWER_BYTES) return { ok: false, message: t('tsa_error_too_large') };
  return { ok: true, bytes };
}
