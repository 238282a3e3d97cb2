import en from '../../public/_locales/en/messages.json' with { type: 'json' };

type Listener = (...args: any[]) => unknown;

/** A tiny event like chrome.events.Event: add/remove/has plus a way to fire it in tests. */
export function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    fire: (...args: unknown[]) => [...listeners].map((l) => l(...args)),
    listeners,
  };
}

/** The en messages with Chrome's $1..$9 and named placeholder substitution. */
function getMessage(key: string, subs?: string | string[]): string {
  const entry = (en as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  let text = entry.message;
  for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
    const value = ph.content.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), value);
  }
  return text.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
}

/** One in-memory storage area that clones values and fires onChanged, like the real one. */
function fakeArea(areaName: string, onChanged: ReturnType<typeof fakeEvent>) {
  const data = new Map<string, unknown>();
  return {
    async get(keys?: string | string[] | null) {
      const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: structuredClone(v) };
        data.set(k, structuredClone(v));
      }
      onChanged.fire(changes, areaName);
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
    async clear() {
      data.clear();
    },
    data,
  };
}

export function createFakeChrome() {
  const onChanged = fakeEvent();
  const onMessage = fakeEvent();
  const alarms = new Map<string, { name: string; periodInMinutes?: number; scheduledTime: number }>();
  const granted = new Set<string>();
  const chrome = {
    runtime: {
      id: 'fakeextensionid',
      getURL: (p: string) => `chrome-extension://fakeextensionid/${p.replace(/^\//, '')}`,
      getManifest: () => ({ version: '0.0.0-test', name: 'test' }),
      onMessage,
      onInstalled: fakeEvent(),
      onStartup: fakeEvent(),
      lastError: undefined as unknown,
      /** Delivers to onMessage listeners as Chrome does: the first that returns true/a promise answers. */
      sendMessage(message: unknown, sender: object = { id: 'fakeextensionid' }) {
        return new Promise((resolve) => {
          for (const l of onMessage.listeners) {
            const r = l(structuredClone(message), sender, resolve);
            if (r instanceof Promise) return void r.then(resolve);
            if (r === true) return;
          }
          resolve(undefined);
        });
      },
    },
    i18n: { getMessage, getUILanguage: () => 'en' },
    storage: { local: fakeArea('local', onChanged), sync: fakeArea('sync', onChanged), session: fakeArea('session', onChanged), onChanged },
    alarms: {
      async create(name: string, info: { periodInMinutes?: number; delayInMinutes?: number; when?: number }) {
        alarms.set(name, { name, periodInMinutes: info.periodInMinutes, scheduledTime: info.when ?? Date.now() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * 60000 });
      },
      async get(name: string) {
        return alarms.get(name);
      },
      async getAll() {
        return [...alarms.values()];
      },
      async clear(name: string) {
        return alarms.delete(name);
      },
      onAlarm: fakeEvent(),
      all: alarms,
    },
    permissions: {
      async contains(p: { origins?: string[] }) {
        return (p.origins ?? []).every((o) => granted.has(o));
      },
      async request(p: { origins?: string[] }) {
        for (const o of p.origins ?? []) granted.add(o);
        return true;
      },
      onAdded: fakeEvent(),
      onRemoved: fakeEvent(),
      granted,
    },
    action: {
      badge: { text: '', color: '' },
      async setBadgeText(d: { text: string }) {
        chrome.action.badge.text = d.text;
      },
      async setBadgeBackgroundColor(d: { color: string }) {
        chrome.action.badge.color = d.color;
      },
    },
    notifications: {
      created: [] as { id: string; options: unknown }[],
      async create(id: string, options: unknown) {
        chrome.notifications.created.push({ id, options });
        return id;
      },
      onClicked: fakeEvent(),
    },
    tabs: {
      async captureVisibleTab() {
        throw new Error('captureVisibleTab is not available in unit tests');
      },
      async create() {
        return {};
      },
      /** Every tab is the active one of window 1 unless a test says otherwise. */
      async get(tabId: number) {
        return { id: tabId, windowId: 1, active: true };
      },
      async query() {
        return [] as { id?: number }[];
      },
      /** No content script answers unless a test puts one here (like a tab without ours). */
      async sendMessage(_tabId: number, _message: unknown, _options?: { frameId?: number }): Promise<unknown> {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
    commands: {
      async getAll() {
        return [{ name: 'flag-listing', shortcut: 'Alt+Shift+F', description: '' }];
      },
      onCommand: fakeEvent(),
    },
    contextMenus: {
      items: new Map<string, Record<string, unknown>>(),
      create(props: { id: string } & Record<string, unknown>, done?: () => void) {
        chrome.runtime.lastError = chrome.contextMenus.items.has(props.id) ? { message: `Cannot create item with duplicate id ${props.id}` } : undefined;
        if (!chrome.runtime.lastError) chrome.contextMenus.items.set(props.id, structuredClone(props));
        done?.();
        chrome.runtime.lastError = undefined;
        return props.id;
      },
      async removeAll() {
        chrome.contextMenus.items.clear();
      },
      onClicked: fakeEvent(),
    },
    pageCapture: {
      async saveAsMHTML() {
        throw new Error('saveAsMHTML is not available in unit tests');
      },
    },
  };
  return chrome;
}

export type FakeChrome = ReturnType<typeof createFakeChrome>;
