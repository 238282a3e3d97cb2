/**
 * The options page's list of timestamp authorities: one URL a line, tried in order
 * (shared/spec/timestamps.md). Plain http is fine for a TSA (the token is signed; public
 * TSAs mostly serve http), so http and https are both taken.
 */
export type TsaUrlsParse = { ok: true; urls: string[]; origins: string[] } | { ok: false; line: number; text: string };

/** Public RFC 3161 TSAs suggested (never enabled by themselves): free, long-lived, widely used. */
export const SUGGESTED_TSAS: readonly { name: string; url: string }[] = [
  { name: 'DigiCert', url: 'http://timestamp.digicert.com' },
  { name: 'Sectigo', url: 'http://timestamp.sectigo.com' },
  { name: 'GlobalSign', url: 'http://timestamp.globalsign.com/tsa/r6advanced1' },
  { name: 'FreeTSA', url: 'https://freetsa.org/tsr' },
];

export function parseTsaUrls(text: string): TsaUrlsParse {
  const urls: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    let url: URL;
    try {
      url = new URL(line);
    } catch {
      return { ok: false, line: i + 1, text: line };
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.hash) return { ok: false, line: i + 1, text: line };
    if (!urls.includes(url.href)) urls.push(url.href);
  }
  // The host permission each TSA needs: its origin (public TSAs answer no CORS).
  const origins = [...new Set(urls.map((u) => `${new URL(u).origin}/*`))];
  return { ok: true, urls, origins };
}
