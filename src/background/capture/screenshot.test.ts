import { describe, expect, it, vi } from 'vitest';
import { Pacer } from './pace.ts';
import { screenshotGap, shoot, TabNotShownError } from './screenshot.ts';
import { fakePngDataUrl } from './fake-png.test-kit.ts';

function fakeClock() {
  let t = 10_000;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)), sleeps, advance: (ms: number) => void (t += ms) };
}

describe('viewport captures', () => {
  it('are spaced at least 550 ms apart, under Chrome’s two-a-second limit', async () => {
    const clock = fakeClock();
    const pace = new Pacer(clock);
    chrome.tabs.captureVisibleTab = vi.fn(async () => fakePngDataUrl(1280, 900)) as never;
    const shot = await shoot({ tabId: 3, windowId: 1 }, pace);
    expect(shot).toMatchObject({ width: 1280, height: 900 });
    clock.advance(100);
    await shoot({ tabId: 3, windowId: 1 }, pace);
    expect(clock.sleeps).toEqual([450]);
  });

  it('retry once when Chrome still says they come too fast', async () => {
    const clock = fakeClock();
    let calls = 0;
    chrome.tabs.captureVisibleTab = vi.fn(async () => {
      if (calls++ === 0) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return fakePngDataUrl(800, 600);
    }) as never;
    await expect(shoot({ tabId: 3, windowId: 1 }, new Pacer(clock))).resolves.toMatchObject({ height: 600 });
    expect(calls).toBe(2);
  });

  it('are refused when another tab is on screen, and the gap says so', async () => {
    chrome.tabs.get = vi.fn(async (id: number) => ({ id, windowId: 1, active: false })) as never;
    const capture = vi.fn(async () => fakePngDataUrl(1, 1));
    chrome.tabs.captureVisibleTab = capture as never;
    const err = await shoot({ tabId: 3, windowId: 1 }, new Pacer(fakeClock())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TabNotShownError);
    expect(capture).not.toHaveBeenCalled();
    expect(await screenshotGap(err)).toMatchObject({ code: 'screenshot_tab_hidden' });
  });

  it('without <all_urls> or an activeTab grant, the gap tells the user how to allow them', async () => {
    const gap = await screenshotGap(new Error('Either the \'<all_urls>\' or \'activeTab\' permission is required.'));
    expect(gap.code).toBe('screenshot_permission');
    expect(gap.message).toContain('Options → Screenshots');
    expect(gap.message).toContain('Alt+Shift+F');
  });

  it('names the keys the user has for the flag command now, or says it has none', async () => {
    const refused = new Error('Either the \'<all_urls>\' or \'activeTab\' permission is required.');
    chrome.commands.getAll = (async () => [{ name: 'flag-listing', shortcut: 'Ctrl+Shift+7', description: '' }]) as never;
    expect((await screenshotGap(refused)).message).toContain('press Ctrl+Shift+7 on the listing');
    chrome.commands.getAll = (async () => [{ name: 'flag-listing', shortcut: '', description: '' }]) as never;
    expect((await screenshotGap(refused)).message).toContain('the “Flag this listing” shortcut (set one');
  });
});
