import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/**
 * Which fixture a marketplace URL gets: `host + pathname` (and the id query, where pages share
 * a path). `html` serves generated markup instead of a fixture file (benchmark pages).
 */
export type Route = { host: string; path: string; query?: Record<string, string> } & ({ fixture: string } | { html: string });

/**
 * Serves saved marketplace pages at their real URLs: Chromium maps the real hostnames to
 * this server (--host-resolver-rules), so the manifest's real match patterns are exercised.
 */
export async function startFixtureServer(routes: Route[]) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const route = routes.find(
      (r) => r.host === url.hostname && r.path === url.pathname && Object.entries(r.query ?? {}).every(([k, v]) => url.searchParams.get(k) === v),
    );
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><p>No fixture for this URL.</p>');
      return;
    }
    const body = 'html' in route ? route.html : await readFile(path.join(FIXTURES, route.fixture));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * The marketplace host patterns mapped onto the fixture server. Every other host (the image
 * CDNs the saved pages name) fails at once, except loopback and the hosts in `reach` (an
 * integrator's own API): left to DNS, such a name held a page's `load` for 5 s here, now and
 * then, with no network to answer.
 */
export function hostResolverRules(port: number, reach: string[] = []): string {
  const hosts = ['*.taobao.com', '*.tmall.com', '*.tmall.hk', '*.lazada.com.my', '*.lazada.sg', '*.lazada.co.th', '*.lazada.com.ph', '*.lazada.co.id', '*.lazada.vn', '*.aliexpress.com', '*.1688.com'];
  return [...hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', ...['127.0.0.1', ...reach].map((h) => `EXCLUDE ${h}`)].join(', ');
}
