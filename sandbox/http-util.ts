// Small node:http helpers. Handlers return a Reply instead of writing to the
// response, so a fault injected "after" processing can swap the answer while
// the state change has already happened (the case a client's idempotency must survive).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A string or bytes are sent as is; anything else is JSON-encoded. */
  body?: unknown;
  /** Send no CORS headers (the TSA: public ones send none, hence the extension's host permission). */
  noCors?: boolean;
}

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};

export function preflight(req: IncomingMessage): Reply {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Methods': 'GET, HEAD, PUT, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
    'Access-Control-Max-Age': '600',
  };
  // Chrome's Private Network Access asks this before a public page may call loopback.
  if (req.headers['access-control-request-private-network']) {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  return { status: 204, headers };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export function apiError(status: number, code: string, message: string, details?: unknown, headers?: Record<string, string>): Reply {
  const error = details === undefined ? { code, message } : { code, message, details };
  return json(status, { error }, headers);
}

export const notFound = (what = 'No such path.'): Reply => apiError(404, 'not_found', what);

/** Encodes a reply's body exactly once, so a stored answer can be replayed byte-for-byte. */
export function encodeBody(reply: Reply): { bytes: Buffer | null; contentType: string | null } {
  const { body } = reply;
  if (body === undefined) return { bytes: null, contentType: null };
  if (Buffer.isBuffer(body)) return { bytes: body, contentType: null };
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), contentType: null };
  return { bytes: Buffer.from(JSON.stringify(body), 'utf8'), contentType: 'application/json; charset=utf-8' };
}

export function send(res: ServerResponse, reply: Reply, headOnly: boolean): void {
  const { bytes, contentType } = encodeBody(reply);
  const headers: Record<string, string> = reply.noCors ? {} : { ...CORS_HEADERS };
  if (contentType) headers['Content-Type'] = contentType;
  Object.assign(headers, reply.headers);
  if (bytes) headers['Content-Length'] = String(bytes.length);
  res.writeHead(reply.status, headers);
  res.end(headOnly || !bytes ? undefined : bytes);
}

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false };

/**
 * Reads the whole body up to `limit` bytes. Over the limit it keeps draining
 * (without storing) so the client still gets its 413 rather than a reset.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) { tooLarge = true; chunks.length = 0; return; }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false } : { ok: true, bytes: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

export function bearerToken(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m ? m[1]! : null;
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : 'invalid JSON' };
  }
}
