import { artifact, type Captured } from './artifact.ts';

const READ_TRIES = 4;

/**
 * The page as MHTML. Reading the Blob that pageCapture hands the worker fails now and then
 * with NotFoundError (about one in ten on Chromium 156), so the read is retried and, as a
 * last resort, the capture itself.
 */
export async function captureArchive(tabId: number): Promise<Captured> {
  let lastError = '';
  for (let attempt = 0; attempt < READ_TRIES; attempt++) {
    try {
      const blob = await chrome.pageCapture.saveAsMHTML({ tabId });
      if (!blob) throw new Error('no archive returned');
      const data = await blob.arrayBuffer();
      return { ok: true, artifact: await artifact('page_archive', 'multipart/related', data, new Date()) };
    } catch (err) {
      lastError = (err as Error).message;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
  return { ok: false, gap: { code: 'archive_failed', message: `No page archive: ${lastError}` } };
}
