// The API base URL as typed by a person, checked before anything is stored or fetched: the
// token travels to whatever URL this returns, so plain http is allowed only to this machine.

export type BaseUrlProblem = 'empty' | 'not_absolute' | 'scheme' | 'https_required' | 'credentials' | 'query' | 'fragment';

export type BaseUrlResult = { ok: true; baseUrl: string } | { ok: false; problem: BaseUrlProblem };

/** 127.0.0.0/8, localhost and [::1]: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  // The URL parser has already normalised IPv4 forms like 127.1 or 0x7f.1 to dotted quads.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function parseBaseUrl(input: string): BaseUrlResult {
  const raw = input.trim();
  if (!raw) return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'not_absolute' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  // `//` after the scheme: `https:api.example.org` parses, but nobody means that.
  if (!/^https?:\/\//i.test(raw) || !url.hostname) return { ok: false, problem: 'not_absolute' };
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  // An empty `?` or `#` is still checked on the raw text: the parser drops it silently.
  if (url.search || raw.includes('?')) return { ok: false, problem: 'query' };
  if (url.hash || raw.includes('#')) return { ok: false, problem: 'fragment' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { ok: false, problem: 'https_required' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, baseUrl: `${url.protocol}//${url.host}${path}` };
}
