import { t } from '../../shared/i18n.ts';
import { artifact, type Artifact, type Captured } from './artifact.ts';
import { utf8Bytes, type ArchiveNote } from '../../evidence/format.ts';
import { askTab } from './tab-link.ts';
import { canSaveMhtml, saveAsMhtml } from '../../shared/browser.ts';

const READ_TRIES = 4;
/** Serialized HTML beyond this is cut (and the manifest says so); the service takes 25 MiB a file. */
export const HTML_MAX_CHARS = 15_000_000;

export type ArchiveCapture = { ok: true; artifact: Artifact; note: ArchiveNote } | Extract<Captured, { ok: false }>;

/**
 * The page as MHTML. Reading the Blob that pageCapture hands the worker fails now and then
 * with NotFoundError (about one in ten on Chromium 156), so the read is retried and, as a
 * last resort, the capture itself. When there is no MHTML at all (another browser, a
 * refused capture), the content script's serialized DOM stands in.
 */
export async function captureArchive(tabId: number): Promise<ArchiveCapture> {
  let lastError = '';
  for (let attempt = 0; attempt < READ_TRIES; attempt++) {
    try {
      if (!canSaveMhtml()) throw new Error('this browser cannot save MHTML');
      const blob = await saveAsMhtml(tabId);
      if (!blob) throw new Error('no archive returned');
      const data = await blob.arrayBuffer();
      return { ok: true, artifact: await artifact('page_archive', 'multipart/related', data, new Date()), note: { format: 'mhtml', truncated: false } };
    } catch (err) {
      lastError = (err as Error).message;
      if (!canSaveMhtml()) break;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
  try {
    const page = await askTab(tabId, 'pageHtml', { maxChars: HTML_MAX_CHARS });
    const data = utf8Bytes(page.html);
    return { ok: true, artifact: await artifact('page_archive', 'text/html', data, new Date()), note: { format: 'html', truncated: page.truncated, mhtmlError: lastError } };
  } catch (err) {
    return { ok: false, gap: { code: 'archive_failed', message: t('capture_gap_archive', `${lastError}; ${(err as Error).message}`) } };
  }
}
