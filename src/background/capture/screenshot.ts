import { t } from '../../shared/i18n.ts';
import type { Problem } from '../../shared/model.ts';
import { Pacer, isRateLimited } from './pace.ts';
import { dataUrlBytes, pngSize } from './png.ts';
import { ALL_URLS, captureVisibleTab, commandShortcuts, ext } from '../../shared/browser.ts';

export { ALL_URLS };

/** The tab a flag came from: captures must show it and nothing else. */
export interface ShotTarget {
  tabId: number;
  windowId: number;
}

export interface Shot {
  data: ArrayBuffer;
  width: number;
  height: number;
}

// One pacer for the worker: Chrome's limit counts every capture, whichever flag asked.
export const pacer = new Pacer();

export class TabNotShownError extends Error {}

/** captureVisibleTab shows the window's active tab: make sure that is still the flagged one. */
async function ensureShown(target: ShotTarget): Promise<void> {
  const tab = await ext.tabs.get(target.tabId);
  if (!tab.active || tab.windowId !== target.windowId) throw new TabNotShownError('the flagged tab was not the one on screen');
}

/**
 * One capture of the visible part of the flagged tab, paced under Chrome's rate limit
 * (retried once if Chrome still says too fast), refused if another tab is on screen.
 */
export async function shoot(target: ShotTarget, pace: Pacer = pacer): Promise<Shot> {
  for (let attempt = 0; ; attempt++) {
    await pace.turn();
    await ensureShown(target);
    try {
      const data = dataUrlBytes(await captureVisibleTab(target.windowId));
      // The user may have switched tabs while Chrome captured: then this is not our tab.
      await ensureShown(target);
      const size = pngSize(data);
      if (!size) throw new Error('the capture is not a PNG');
      return { data, ...size };
    } catch (err) {
      if (attempt === 0 && isRateLimited(err)) {
        await pace.sleep(pace.gapMs);
        continue;
      }
      throw err;
    }
  }
}

/**
 * Why there is no screenshot, in words for the user. Chrome allows captures only with
 * <all_urls> (asked for in the options page) or an activeTab grant (the keyboard command).
 */
export async function screenshotGap(err: unknown): Promise<Problem> {
  const granted = await ext.permissions.contains(ALL_URLS).catch(() => false);
  if (err instanceof TabNotShownError) return { code: 'screenshot_tab_hidden', message: t('capture_gap_tab_hidden') };
  if (!granted && !isRateLimited(err)) {
    // The keys the user has now for the command that grants the capture (they may have changed them).
    const keys = (await commandShortcuts().catch(() => [])).find((c) => c.name === 'flag-listing')?.shortcut;
    return { code: 'screenshot_permission', message: t('capture_gap_permission', keys || t('capture_shortcut_unset')) };
  }
  return { code: 'screenshot_failed', message: t('capture_gap_failed', (err as Error)?.message ?? String(err)) };
}
