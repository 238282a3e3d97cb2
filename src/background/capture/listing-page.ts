import { ext } from '../../shared/browser.ts';
import type { EvidenceRef, TakedownRecord } from '../../shared/model.ts';
import { db } from '../../shared/db/open.ts';
import { captureArchive } from './archive.ts';

const LOAD_TIMEOUT_MS = 20_000;

function loaded(tabId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ext.tabs.onUpdated.removeListener(listener);
      reject(new Error('the listing did not load in time'));
    }, LOAD_TIMEOUT_MS);
    const listener = (id: number, info: { status?: string }) => {
      if (id !== tabId || info.status !== 'complete') return;
      clearTimeout(timer);
      ext.tabs.onUpdated.removeListener(listener);
      resolve();
    };
    ext.tabs.onUpdated.addListener(listener);
  });
}

/**
 * A fresh archive of the listing as it is online now, for an answer to the alliance: the
 * listing opens in a background tab (no screenshot: that needs the tab in view), is saved
 * as MHTML and closed again. Nothing is attached when it fails; the answer goes anyway.
 */
export async function captureListingPage(r: TakedownRecord): Promise<EvidenceRef[]> {
  if (!/^https?:\/\//i.test(r.listing.url)) return [];
  const tab = await ext.tabs.create({ url: r.listing.url, active: false });
  if (tab.id === undefined) return [];
  try {
    if (tab.status !== 'complete') await loaded(tab.id);
    const archive = await captureArchive(tab.id);
    if (!archive.ok) return [];
    const { ref, data } = archive.artifact;
    await (await db()).put('evidence', { sha256: ref.sha256, mediaType: ref.mediaType, bytes: ref.bytes, data, createdAt: ref.capturedAt });
    return [ref];
  } catch {
    return [];
  } finally {
    await ext.tabs.remove(tab.id).catch(() => undefined);
  }
}
