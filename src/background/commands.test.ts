import { describe, expect, it, vi } from 'vitest';
import { TAB_NS } from '../shared/messages.ts';
import { COMMAND_NAMES, onCommand } from './commands.ts';
import { shortcuts } from './shortcuts.ts';
import manifest from '../../manifest.config.ts';
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

describe('the selection commands', () => {
  it('route each command to its order in the active tab: toggle the focused card, flag the selection', async () => {
    const sendMessage = vi.fn(async (_tab: number, m: { type: string }) => (m.type === 'toggleFocusedCard' ? { done: true } : { done: false }));
    chrome.tabs.sendMessage = sendMessage as never;
    expect(await onCommand('toggle-selection', { id: 3 } as chrome.tabs.Tab)).toBe(true);
    expect(await onCommand('flag-selection', { id: 3 } as chrome.tabs.Tab)).toBe(false);
    expect(sendMessage.mock.calls.map((c) => [c[0], (c[1] as { type: string }).type])).toEqual([
      [3, 'toggleFocusedCard'],
      [3, 'openSelectionForm'],
    ]);
  });

  it('asks the active tab of the focused window when the browser gives no tab', async () => {
    chrome.tabs.query = vi.fn(async () => [{ id: 44 }]) as never;
    const sendMessage = vi.fn(async () => ({ done: true }));
    chrome.tabs.sendMessage = sendMessage as never;
    expect(await onCommand('toggle-selection')).toBe(true);
    expect(sendMessage).toHaveBeenCalledWith(44, { ns: TAB_NS, type: 'toggleFocusedCard', payload: {} }, { frameId: 0 });
  });

  it('lists every command with the keys the user has now, an unassigned one as empty', async () => {
    chrome.commands.getAll = vi.fn(async () => [
      { name: 'flag-listing', shortcut: 'Alt+Shift+F', description: 'Flag' },
      { name: 'toggle-selection', shortcut: '', description: 'Toggle' },
      { name: 'flag-selection', shortcut: 'Ctrl+Shift+9', description: 'Flag selection' },
    ]) as never;
    expect((await shortcuts()).map((c) => [c.name, c.shortcut])).toEqual([
      ['flag-listing', 'Alt+Shift+F'],
      ['toggle-selection', ''],
      ['flag-selection', 'Ctrl+Shift+9'],
    ]);
  });
});

describe('a command on a page that cannot answer', () => {
  it('tells the user to reload a marketplace page opened before the install or update; elsewhere it stays quiet', async () => {
    const created = (chrome as unknown as { notifications: { created: { id: string; options: { message: string } }[] } }).notifications.created;
    expect(await onCommand('flag-listing', { id: 5, url: 'https://www.google.com/' } as chrome.tabs.Tab)).toBe(false);
    expect(created).toEqual([]);
    expect(await onCommand('toggle-selection', { id: 6, url: 'https://s.taobao.com/search?q=bag' } as chrome.tabs.Tab)).toBe(false);
    expect(created.map((n) => [n.id, n.options.message])).toEqual([['page-unreachable:6', expect.stringContaining('Reload the page')]]);
  });
});

describe('the manifest commands', () => {
  it('declares every command the worker routes, each with a localized description and a suggested key', () => {
    const commands = (manifest as unknown as { commands: Record<string, { description: string; suggested_key: { default: string } }> }).commands;
    expect(Object.keys(commands).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const c of Object.values(commands)) {
      expect(c.description).toMatch(/^__MSG_\w+__$/);
      expect(c.suggested_key.default).toMatch(/^Alt\+Shift\+[A-Z]$/);
    }
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
