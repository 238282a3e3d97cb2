import type en from '../../public/_locales/en/messages.json';
import { ext } from './browser.ts';
import { worldState } from './world.ts';

export type MessageKey = keyof typeof en;

/**
 * Stand-ins for the substitutions $1…$9 in a catalogue's templates: private-use characters
 * no message contains. `chrome.i18n.getMessage(key, SLOTS)` gives the message with each
 * substitution marked, which `fill` completes later, in another context.
 */
export const SLOTS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe001 + i));
const SLOT = /[\ue001-\ue009]/g;

/**
 * The catalogue as the worker resolved it (page-strings.ts), or null: ask the browser. One per
 * page, also for the copies of this module in on-demand chunks (world.ts).
 */
const catalogue = worldState('messages', () => ({ table: null as Readonly<Record<string, string>> | null }));

/**
 * Marketplace pages take their strings from this table. In a content script the first
 * `chrome.i18n.getMessage` makes the renderer fetch and parse the whole catalogue over a
 * synchronous IPC: profiled at ≈ 20 ms of blocked main thread on every marketplace tab.
 * The worker has the catalogue already and sends the page its templates in one message.
 */
export function useMessageTable(templates: Readonly<Record<string, string>> | null): void {
  catalogue.table = templates;
}

/** A template of the table with its substitutions in place, as getMessage would give it. */
export function fill(template: string, substitutions?: string | string[]): string {
  const list = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return template.replace(SLOT, (slot) => list[slot.charCodeAt(0) - 0xe001] ?? '');
}

/**
 * Every UI string goes through the browser's i18n (public/_locales). A missing translation
 * falls back to the key, which is visible in review rather than silently blank.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const template = catalogue.table?.[key];
  const text = template !== undefined ? fill(template, substitutions) : ext.i18n?.getMessage(key, substitutions);
  return text || key;
}

/**
 * The language of the strings shown, as a BCP 47 tag for Intl, so that numbers, dates and
 * durations match the text around them. It is read from the catalogue itself (`ui_locale`)
 * because getUILanguage can differ from the catalogue Chrome picked: headless Chromium
 * started with --lang=zh-CN shows the zh_CN strings and reports en-US.
 */
export function uiLocale(): string {
  return catalogue.table?.ui_locale || ext.i18n?.getMessage?.('ui_locale') || ext.i18n?.getUILanguage?.() || 'en';
}
