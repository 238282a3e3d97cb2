import type en from '../../public/_locales/en/messages.json';
import { ext } from './browser.ts';

export type MessageKey = keyof typeof en;

/**
 * Every UI string goes through the browser's i18n (public/_locales). A missing translation
 * falls back to the key, which is visible in review rather than silently blank.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const text = ext.i18n?.getMessage(key, substitutions);
  return text || key;
}

/**
 * The language of the strings shown, as a BCP 47 tag for Intl, so that numbers, dates and
 * durations match the text around them. It is read from the catalogue itself (`ui_locale`)
 * because getUILanguage can differ from the catalogue Chrome picked: headless Chromium
 * started with --lang=zh-CN shows the zh_CN strings and reports en-US.
 */
export function uiLocale(): string {
  return ext.i18n?.getMessage?.('ui_locale') || ext.i18n?.getUILanguage?.() || 'en';
}
