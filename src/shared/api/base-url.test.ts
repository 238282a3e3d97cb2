import { describe, expect, it } from 'vitest';
import { parseBaseUrl } from './base-url.ts';

const ok = (baseUrl: string) => ({ ok: true, baseUrl });
const bad = (problem: string) => ({ ok: false, problem });

describe('parseBaseUrl', () => {
  it('accepts https anywhere and strips the trailing slash', () => {
    expect(parseBaseUrl('https://api.alliance.example/')).toEqual(ok('https://api.alliance.example'));
    expect(parseBaseUrl('  https://API.Alliance.example:8443/takedown/v0// ')).toEqual(ok('https://api.alliance.example:8443/takedown/v0'));
  });

  it('allows plain http only to loopback hosts', () => {
    expect(parseBaseUrl('http://127.0.0.1:8787')).toEqual(ok('http://127.0.0.1:8787'));
    expect(parseBaseUrl('http://127.9.8.7:8787/')).toEqual(ok('http://127.9.8.7:8787'));
    expect(parseBaseUrl('http://localhost:8787/')).toEqual(ok('http://localhost:8787'));
    expect(parseBaseUrl('http://[::1]:8787')).toEqual(ok('http://[::1]:8787'));
    expect(parseBaseUrl('http://api.alliance.example')).toEqual(bad('https_required'));
    expect(parseBaseUrl('http://128.0.0.1')).toEqual(bad('https_required'));
    expect(parseBaseUrl('http://localhost.evil.example')).toEqual(bad('https_required'));
    expect(parseBaseUrl('http://127.0.0.1.nip.io')).toEqual(bad('https_required'));
  });

  it('says what is wrong with everything else', () => {
    expect(parseBaseUrl('   ')).toEqual(bad('empty'));
    expect(parseBaseUrl('api.alliance.example')).toEqual(bad('not_absolute'));
    expect(parseBaseUrl('/v1')).toEqual(bad('not_absolute'));
    expect(parseBaseUrl('https:api.alliance.example')).toEqual(bad('not_absolute'));
    expect(parseBaseUrl('ftp://api.alliance.example')).toEqual(bad('scheme'));
    expect(parseBaseUrl('javascript:alert(1)')).toEqual(bad('scheme'));
    expect(parseBaseUrl('https://user:pw@api.alliance.example')).toEqual(bad('credentials'));
    expect(parseBaseUrl('https://user@api.alliance.example')).toEqual(bad('credentials'));
    expect(parseBaseUrl('https://api.alliance.example/?x=1')).toEqual(bad('query'));
    expect(parseBaseUrl('https://api.alliance.example/?')).toEqual(bad('query'));
    expect(parseBaseUrl('https://api.alliance.example/#top')).toEqual(bad('fragment'));
  });
});
