// Chrome's match-pattern rules (scheme://host/path), for checking in tests what the manifest
// grants against the URLs the sites claim, without a browser.

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/;

/** Whether Chrome would run a content script matching `pattern` on `url`. */
export function matchesPattern(pattern: string, url: URL): boolean {
  if (pattern === '<all_urls>') return ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:'].includes(url.protocol);
  const m = PATTERN.exec(pattern);
  if (!m) throw new Error(`Not a match pattern: ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = url.hostname.toLowerCase();
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2).toLowerCase();
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== host.toLowerCase()) return false;
  }
  // The path glob applies to path and query together; only `*` is special.
  const glob = new RegExp(`^${path.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}
