import type { z } from '../zod.ts';
import { ApiErrorBody, CasesResponse, EvidenceStored, Me, SubmitResponse, Case } from './schemas.ts';
import { parseRetryAfter } from './retry-after.ts';
import { parseBaseUrl } from './base-url.ts';
import { t, type MessageKey } from '../i18n.ts';

/** Connection settings for one call; the token is never logged or put in an error message. */
export interface ApiConfig {
  baseUrl: string;
  token: string;
}

export type ApiFailureKind = 'unauthorized' | 'forbidden' | 'rate_limited' | 'transient' | 'invalid' | 'not_found' | 'conflict';

export type ApiFailure = {
  ok: false;
  kind: ApiFailureKind;
  status: number | null;
  code: string;
  message: string;
  retryAfterMs: number | null;
};
export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

/** Below Chrome's 30 s limit: a fetch that outlives it can take the service worker down. */
export const FETCH_TIMEOUT_MS = 20_000;

interface CallOptions<T> {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST';
  path: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

function classify(status: number): ApiFailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 413 || status === 422) return 'invalid';
  // 5xx and anything unexpected (a proxy's 3xx or 418) are worth trying again later.
  return 'transient';
}

/** Words for the user when the answer carries no error body (HEAD, a proxy's page). */
const FALLBACK: Record<ApiFailureKind, [string, MessageKey]> = {
  unauthorized: ['unauthorized', 'api_error_unauthorized'],
  forbidden: ['forbidden', 'api_error_forbidden'],
  not_found: ['not_found', 'api_error_not_found'],
  conflict: ['conflict', 'api_error_conflict'],
  rate_limited: ['rate_limited', 'api_error_rate_limited'],
  invalid: ['invalid_request', 'api_error_invalid'],
  transient: ['unavailable', 'api_error_transient'],
};

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function call<T>(cfg: ApiConfig, opts: CallOptions<T>): Promise<ApiResult<T>> {
  // Checked again at every call, not only when saved: the token goes wherever this points.
  const base = parseBaseUrl(cfg.baseUrl);
  if (!base.ok) {
    return { ok: false, kind: 'unauthorized', status: null, code: 'unsafe_base_url', message: t('api_error_unsafe_base_url'), retryAfterMs: null };
  }
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? FETCH_TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(base.baseUrl + opts.path, {
      method: opts.method,
      headers: { Authorization: `Bearer ${cfg.token}`, ...opts.headers },
      body: opts.body ?? null,
      signal,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    });
  } catch (err) {
    const timedOut = timeout.aborted;
    return {
      ok: false,
      kind: 'transient',
      status: null,
      code: timedOut ? 'timeout' : 'network',
      message: timedOut ? t('api_error_timeout') : t('api_error_network', (err as Error).message),
      retryAfterMs: null,
    };
  }
  const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'), Date.now());
  if (!res.ok) {
    const body = ApiErrorBody.safeParse(opts.method === 'HEAD' ? undefined : await readJson(res));
    const kind = classify(res.status);
    return {
      ok: false,
      kind,
      status: res.status,
      code: body.success ? body.data.error.code : FALLBACK[kind][0],
      message: body.success ? body.data.error.message : t('api_error_http', [t(FALLBACK[kind][1]), String(res.status)]),
      retryAfterMs,
    };
  }
  if (!opts.schema) return { ok: true, status: res.status, data: undefined as T };
  // A captive portal or a proxy can answer 200 with HTML: that is not an answer, try later.
  const parsed = opts.schema.safeParse(await readJson(res));
  if (!parsed.success) {
    return { ok: false, kind: 'transient', status: res.status, code: 'bad_answer', message: t('api_error_bad_answer'), retryAfterMs };
  }
  return { ok: true, status: res.status, data: parsed.data };
}

export const getMe = (cfg: ApiConfig, init: { signal?: AbortSignal } = {}) =>
  call<Me>(cfg, { method: 'GET', path: '/v1/me', schema: Me, ...init });

/** true when the service already holds this evidence. */
export async function hasEvidence(cfg: ApiConfig, sha256: string): Promise<ApiResult<boolean>> {
  const r = await call<undefined>(cfg, { method: 'HEAD', path: `/v1/evidence/${sha256}` });
  if (r.ok) return { ok: true, status: r.status, data: true };
  if (r.kind === 'not_found') return { ok: true, status: 404, data: false };
  return r;
}

export const putEvidence = (cfg: ApiConfig, sha256: string, data: ArrayBuffer, mediaType: string) =>
  call<EvidenceStored>(cfg, {
    method: 'PUT',
    path: `/v1/evidence/${sha256}`,
    body: data,
    headers: { 'Content-Type': mediaType },
    schema: EvidenceStored,
    timeoutMs: 25_000,
  });

/** `body` is the exact stored bytes of the batch: a retry must resend them unchanged. */
export const submitTakedowns = (cfg: ApiConfig, body: string, idempotencyKey: string) =>
  call<SubmitResponse>(cfg, {
    method: 'POST',
    path: '/v1/takedowns',
    body,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    schema: SubmitResponse,
  });

export function getCases(cfg: ApiConfig, query: { updatedSince: string; cursor?: string | null; limit?: number } | { caseIds: string[] }) {
  const params = new URLSearchParams();
  if ('caseIds' in query) params.set('caseIds', query.caseIds.join(','));
  else {
    params.set('updatedSince', query.updatedSince);
    if (query.cursor) params.set('cursor', query.cursor);
    params.set('limit', String(query.limit ?? 500));
  }
  return call<CasesResponse>(cfg, { method: 'GET', path: `/v1/takedowns?${params}`, schema: CasesResponse });
}

export const withdrawCase = (cfg: ApiConfig, caseId: string) =>
  call<Case>(cfg, { method: 'POST', path: `/v1/takedowns/${encodeURIComponent(caseId)}/withdraw`, schema: Case });

/** The member's answer to a case; `body` is the exact stored bytes, resent unchanged with the same key. */
export const postResponse = (cfg: ApiConfig, caseId: string, body: string, idempotencyKey: string) =>
  call<Case>(cfg, {
    method: 'POST',
    path: `/v1/takedowns/${encodeURIComponent(caseId)}/responses`,
    body,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    schema: Case,
  });
