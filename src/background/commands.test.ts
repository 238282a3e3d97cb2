import { describe, expect, it, vi } from 'vitest';
import { TAB_NS } from '../shared/messages.ts';
import { onCommand } from './commands.ts';
import { onInstalled, welcomeUrl } from './first-run.ts';

describe('the flag keyboard command', () => {
  it('asks the content script of the active tab, top frame, to open its flag form', async () => {
    const sendMessage = vi.fn(async () => ({ opened: true }));
    chrome.tabs.sendMessage = sendMessage as never;
    expect(await onCommand('flag-listing', { id: 12 } as chrome.tabs.Tab)).toBe(true);
    expect(sendMessage).toHaveBeenCalledWith(12, { ns: TAB_NS, type: 'openFlagForm', payload: {} }, { frameId: 0 });
  });

  it('does nothing on a tab without our content script, or for another command', async () => {
    expect(await onCommand('flag-listing', { id: 12 } as chrome.tabs.Tab)).toBe(false);
    const sendMessage = vi.fn();
    chrome.tabs.sendMessage = sendMessage as never;
    expect(await onCommand('something-else', { id: 12 } as chrome.tabs.Tab)).toBe(false);
    expect(sendMessage).not.toHaveBeenCalled();
  });
});

describe('the first run', () => {
  it('opens the options page in its welcome mode on install only', async () => {
    const create = vi.fn(async () => ({}));
    chrome.tabs.create = create as never;
    await onInstalled({ reason: 'update' });
    await onInstalled({ reason: 'chrome_update' });
    expect(create).not.toHaveBeenCalled();
    await onInstalled({ reason: 'install' });
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://fakeextensionid/src/options/index.html#welcome' });
    expect(welcomeUrl()).toMatch(/#welcome$/);
  });
});
