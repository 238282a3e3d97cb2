import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMe, submitTakedowns } from './client.ts';

afterEach(() => vi.unstubAllGlobals());

describe('API client', () => {
  it('never sends the token to a plain-http host other than this computer', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const r = await getMe({ baseUrl: 'http://intake.alliance.example', token: 'secret' });
    expect(r).toMatchObject({ ok: false, code: 'unsafe_base_url', kind: 'unauthorized' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('sends the bearer token to an https base URL, and nowhere else', async () => {
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify({ member: { id: 'm', name: 'M' }, ipRights: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    expect((await getMe({ baseUrl: 'https://intake.alliance.example/', token: 'secret' })).ok).toBe(true);
    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://intake.alliance.example/v1/me');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret');
    expect(init.credentials).toBe('omit');
    expect(init.redirect).toBe('error');
  });

  it('classifies answers: 401 stops, 429 and 5xx retry with Retry-After, HTML 200 is transient', async () => {
    const answers = [
      new Response('{"error":{"code":"unauthorized","message":"bad token"}}', { status: 401 }),
      new Response('{"error":{"code":"rate_limited","message":"slow"}}', { status: 429, headers: { 'Retry-After': '3' } }),
      new Response('<html>proxy error</html>', { status: 502 }),
      new Response('<html>Hotel Wi-Fi</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    ];
    vi.stubGlobal('fetch', vi.fn(async () => answers.shift()));
    const cfg = { baseUrl: 'http://127.0.0.1:9', token: 't' };
    expect(await submitTakedowns(cfg, '{}', 'k')).toMatchObject({ ok: false, kind: 'unauthorized', code: 'unauthorized', message: 'bad token' });
    expect(await submitTakedowns(cfg, '{}', 'k')).toMatchObject({ ok: false, kind: 'rate_limited', retryAfterMs: 3000 });
    expect(await submitTakedowns(cfg, '{}', 'k')).toMatchObject({ ok: false, kind: 'transient', status: 502 });
    expect(await submitTakedowns(cfg, '{}', 'k')).toMatchObject({ ok: false, kind: 'transient', code: 'bad_answer' });
  });

  it('turns a transport failure into a transient failure, not a crash', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    expect(await getMe({ baseUrl: 'https://x.example', token: 't' })).toMatchObject({ ok: false, kind: 'transient', code: 'network' });
  });
});
