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

/** The UI language, for number and date formatting that matches the strings. */
export function uiLocale(): string {
  return ext.i18n?.getUILanguage?.() || 'en';
}
