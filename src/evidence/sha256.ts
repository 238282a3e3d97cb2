/** Lower-case hex SHA-256 via Web Crypto, which both extension pages and Node 20 have. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const isSha256 = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);

export const utf8Bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
