import { artifact, type Captured } from './artifact.ts';

export const ALL_URLS = { origins: ['<all_urls>'] };

function dataUrlBytes(dataUrl: string): ArrayBuffer {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

/**
 * The visible part of the flagged tab. Chrome allows it only with <all_urls> (asked for in
 * the options page) or an activeTab grant; without either the flag goes on without it and
 * the request says why.
 */
export async function captureScreenshot(windowId: number): Promise<Captured> {
  const granted = await chrome.permissions.contains(ALL_URLS).catch(() => false);
  try {
    const dataUrl = await chrome.tabs.captureVisibleTab(windowId, { format: 'png' });
    return { ok: true, artifact: await artifact('screenshot', 'image/png', dataUrlBytes(dataUrl), new Date()) };
  } catch (err) {
    const message = granted
      ? `No screenshot: the browser refused the capture (${(err as Error).message}).`
      : 'No screenshot: the extension is not allowed to capture pages. Allow it under Options → Screenshots.';
    return { ok: false, gap: { code: granted ? 'screenshot_failed' : 'screenshot_permission', message } };
  }
}
