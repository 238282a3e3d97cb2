import { describe, expect, it } from 'vitest';
import { parseTsaUrls, SUGGESTED_TSAS } from './tsa-urls.ts';

describe('TSA URL list', () => {
  it('takes one URL a line in order, skips blank lines and repeats, and names the origins to ask for', () => {
    const parsed = parseTsaUrls('  http://timestamp.digicert.com \n\nhttps://freetsa.org/tsr\r\nhttp://timestamp.digicert.com\nhttp://127.0.0.1:8787/tsa\n');
    expect(parsed).toEqual({
      ok: true,
      urls: ['http://timestamp.digicert.com/', 'https://freetsa.org/tsr', 'http://127.0.0.1:8787/tsa'],
      origins: ['http://timestamp.digicert.com/*', 'https://freetsa.org/*', 'http://127.0.0.1:8787/*'],
    });
    expect(parseTsaUrls('')).toEqual({ ok: true, urls: [], origins: [] });
  });

  it('names the first line that is not an http(s) URL', () => {
    expect(parseTsaUrls('https://freetsa.org/tsr\ntimestamp.digicert.com')).toEqual({ ok: false, line: 2, text: 'timestamp.digicert.com' });
    expect(parseTsaUrls('ftp://tsa.example/')).toMatchObject({ ok: false, line: 1 });
    expect(parseTsaUrls('https://user:pw@tsa.example/')).toMatchObject({ ok: false, line: 1 });
  });

  it('suggests only URLs it would itself accept', () => {
    for (const s of SUGGESTED_TSAS) expect(parseTsaUrls(s.url).ok).toBe(true);
  });
});
