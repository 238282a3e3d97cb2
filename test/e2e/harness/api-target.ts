/**
 * Which alliance service the end-to-end tests talk to. By default our sandbox on loopback
 * (with its test controls). An integrator sets TDF_E2E_API_URL and TDF_E2E_API_TOKEN to run
 * the same flows against their own service; tests that need the sandbox's test controls
 * (inspecting stored cases and evidence, injecting faults) are then skipped.
 */
export interface ApiTarget {
  external: boolean;
  url?: string;
  token?: string;
}

export function apiTarget(env: NodeJS.ProcessEnv = process.env): ApiTarget {
  const url = env.TDF_E2E_API_URL?.trim();
  const token = env.TDF_E2E_API_TOKEN?.trim();
  if (!url && !token) return { external: false };
  if (!url || !token) throw new Error('Set both TDF_E2E_API_URL and TDF_E2E_API_TOKEN to test against your own service (or neither, for the sandbox).');
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) throw new Error('TDF_E2E_API_URL must be https (plain http only on loopback), as the extension requires.');
  return { external: true, url: url.replace(/\/+$/, ''), token };
}

/** The first IP right the token may enforce (GET /v1/me), to flag with on any service. */
export async function firstIpRight(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /v1/me answered ${res.status}: check TDF_E2E_API_URL and TDF_E2E_API_TOKEN.`);
  const me = (await res.json()) as { ipRights?: { id: string }[] };
  const id = me.ipRights?.[0]?.id;
  if (!id) throw new Error('GET /v1/me lists no IP right for this token: the flow needs one.');
  return id;
}
