import { getSettings, kvGet } from '../shared/db/kv.ts';
import { storeFlag } from '../shared/db/flags.ts';
import { Listing } from '../shared/model.ts';
import type { RequestOf, ResponseOf } from '../shared/messages.ts';
import { siteFor } from '../sites/definitions.ts';
import type { SiteDefinition } from '../sites/adapter.ts';
import { captureEvidence } from './capture/collect.ts';
import { packageFlag } from './flag-package.ts';
import { annotationFor } from './annotate.ts';
import { newStampJob } from './stamp/stamper.ts';
import { apiClock, browserInfo, captureContext } from './capture/context.ts';
import { uiLocale } from '../shared/i18n.ts';
import { ext } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';

export interface FlagContext {
  tab: { id: number; windowId: number; url: string; title: string };
  now: () => Date;
  newId: () => string;
}

type FlagAnswer = ResponseOf<'flag'>;
const refuse = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

// Flags are serialised: each capture manifest names the previous one, so two flags must not
// read the same chain head.
let chain: Promise<unknown> = Promise.resolve();

export function flag(payload: RequestOf<'flag'>, ctx: FlagContext): Promise<FlagAnswer> {
  const run = chain.then(() => flagNow(payload, ctx));
  chain = run.catch(() => undefined);
  return run;
}

/** Validate → capture → package → store: the click becomes a durable request or a clear refusal. */
async function flagNow(payload: RequestOf<'flag'>, ctx: FlagContext): Promise<FlagAnswer> {
  const valid = await validate(payload, ctx.tab.url);
  if (!valid.ok) return valid;
  const { site, listings } = valid;

  const capturedAt = ctx.now();
  const started = performance.now();
  // The API's clock and the browser's version are asked alongside the capture, never before it.
  const settings = await getSettings();
  const [capture, api, browser] = await Promise.all([
    captureEvidence({ tabId: ctx.tab.id, windowId: ctx.tab.windowId }, site.pageKind(new URL(ctx.tab.url)), listings),
    apiClock(settings),
    browserInfo(),
  ]);
  const durationMs = Math.round(performance.now() - started);
  const version = ext.runtime.getManifest().version;

  const write = await packageFlag({
    payload,
    listings,
    page: { url: ctx.tab.url, title: ctx.tab.title },
    capture,
    capturedAt,
    requestIds: listings.map(() => ctx.newId()),
    captureId: ctx.newId(),
    previousManifestSha256: (await kvGet('captureChainHead')) ?? null,
    context: {
      userTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      extension: { id: ext.runtime.id, version },
      browser: globalThis.navigator?.userAgent ?? 'unknown',
      durationMs,
    },
    captureContext: captureContext({ capture, tabUrl: ctx.tab.url, extensionVersion: version, browser, uiLanguage: uiLocale(), local: capturedAt, api }),
  });
  // The manifest's trusted timestamp is a durable job stored with the flag itself.
  if (settings.tsaUrls.length > 0) write.stamp = newStampJob(write.chainHead, capturedAt);
  const stored = await storeFlag(write);
  if (!stored.ok) return refuse(stored.code, stored.message);
  return { ok: true, clientRequestIds: write.requests.map((r) => r.clientRequestId), annotations: write.requests.map((r) => annotationFor(r, false)) };
}

type Valid = { ok: true; site: SiteDefinition; listings: Listing[] };

async function validate(payload: RequestOf<'flag'>, tabUrl: string): Promise<Valid | Extract<FlagAnswer, { ok: false }>> {
  const site = siteFor(new URL(tabUrl));
  if (!site) return refuse('wrong_site', t('worker_error_wrong_site'));
  const listings: Listing[] = [];
  for (const raw of payload.listings) {
    const parsed = Listing.safeParse(raw);
    if (!parsed.success) return refuse('invalid_listing', t('worker_error_invalid_listing', parsed.error.issues[0]?.message ?? 'invalid'));
    // A content script may only flag listings of the site its own tab shows.
    if (parsed.data.marketplace !== site.id && !site.alsoLists?.includes(parsed.data.marketplace)) return refuse('wrong_site', t('worker_error_foreign_listing'));
    listings.push(parsed.data);
  }
  const rights = (await getSettings()).me?.ipRights;
  if (rights && !rights.some((r) => r.id === payload.ipRightId)) return refuse('unknown_ip_right', t('worker_error_unknown_ip_right'));
  return { ok: true, site, listings };
}
