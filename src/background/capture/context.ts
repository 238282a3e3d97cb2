import { parseBaseUrl } from '../../shared/api/base-url.ts';
import type { CaptureContext } from '../../evidence/format.ts';
import type { Capture } from './collect.ts';

/** The API's clock is asked for with a short bound: it must never slow a capture down. */
const CLOCK_TIMEOUT_MS = 3_000;

type Brand = { brand: string; version: string };
interface UaData {
  brands?: Brand[];
  getHighEntropyValues?: (hints: string[]) => Promise<{ fullVersionList?: Brand[] }>;
}

/** The browser's name and full version (Client Hints where the browser has them, else its UA). */
export async function browserInfo(nav: Navigator | undefined = globalThis.navigator): Promise<CaptureContext['browser']> {
  const userAgent = nav?.userAgent ?? 'unknown';
  const data = (nav as (Navigator & { userAgentData?: UaData }) | undefined)?.userAgentData;
  const list = await data?.getHighEntropyValues?.(['fullVersionList']).then((v) => v.fullVersionList, () => undefined);
  const real = (list ?? data?.brands ?? []).filter((b) => !/not.?a.?brand/i.test(b.brand));
  const pick = real.find((b) => b.brand !== 'Chromium') ?? real[0];
  if (pick) return { name: pick.brand, version: pick.version, userAgent };
  const m = /(Firefox|Edg|Chrome|Chromium)\/([\d.]+)/.exec(userAgent);
  return { name: m?.[1] === 'Edg' ? 'Microsoft Edge' : (m?.[1] ?? 'unknown'), version: m?.[2] ?? 'unknown', userAgent };
}

/**
 * The alliance API's `Date` header around now, and our clock's offset from it (to the second:
 * that is the header's precision). A string says why there is none.
 */
export async function apiClock(cfg: { baseUrl: string; token: string }, now: () => number = Date.now): Promise<CaptureContext['clock']['api'] | string> {
  const base = parseBaseUrl(cfg.baseUrl);
  if (!base.ok || !cfg.token) return 'the API is not configured';
  const sent = now();
  let res: Response;
  try {
    res = await fetch(`${base.baseUrl}/v1/me`, { headers: { Authorization: `Bearer ${cfg.token}` }, signal: AbortSignal.timeout(CLOCK_TIMEOUT_MS), cache: 'no-store', credentials: 'omit', redirect: 'error' });
  } catch (err) {
    return `the API did not answer (${(err as Error).message})`;
  }
  const received = now();
  await res.body?.cancel().catch(() => undefined);
  const date = res.headers.get('Date');
  const at = date ? Date.parse(date) : NaN;
  if (!date || Number.isNaN(at)) return 'the API answer has no readable Date header (the browser hides it without host access to the API)';
  return { date: new Date(at).toISOString(), receivedAt: new Date(received).toISOString(), offsetMs: Math.round((sent + received) / 2) - at };
}

/** The capture context as the manifest records it, from what the browser, page and API said. */
export function captureContext(input: {
  capture: Pick<Capture, 'page' | 'viewport'>;
  tabUrl: string;
  extensionVersion: string;
  browser: CaptureContext['browser'];
  uiLanguage: string;
  local: Date;
  api: CaptureContext['clock']['api'] | string;
}): CaptureContext {
  const { page, viewport } = input.capture;
  return {
    extensionVersion: input.extensionVersion,
    browser: input.browser,
    uiLanguage: input.uiLanguage,
    page: { url: input.tabUrl, finalUrl: page?.url ?? null, redirectCount: page?.redirectCount ?? null },
    viewport,
    clock: { local: input.local.toISOString(), ...(typeof input.api === 'string' ? { api: null, apiUnavailable: input.api } : { api: input.api }) },
    pageInFront: page ? page.visible && page.focused : null,
  };
}

/** What the manifest lists as not loaded; a page that did not answer could not be checked. */
export function incompleteOf(capture: Pick<Capture, 'page'>): { what: string; detail: string }[] {
  if (!capture.page) return [{ what: 'page', detail: 'the page did not answer: its images and price could not be checked' }];
  return capture.page.missing.map((m) => ({ what: m.what, detail: m.detail }));
}
