// A marketplace page of the same site, fetched as the page itself would (same origin, the
// user's cookies) and parsed without running it: DOMParser runs no scripts and inserts nothing into the live page.

/** Gives up well before the user would: a flag waits on this. */
const TIMEOUT_MS = 10_000;

export async function fetchPage(url: URL): Promise<Document> {
  const res = await fetch(url.href, { credentials: 'include', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new DOMParser().parseFromString(await res.text(), 'text/html');
}
