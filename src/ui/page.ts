import { ext } from '../shared/browser.ts';
import { t, uiLocale, type MessageKey } from '../shared/i18n.ts';

/** Language, direction and title of an extension page, from the browser's UI language. */
export function setupPage(titleKey: MessageKey): void {
  const root = document.documentElement;
  root.lang = uiLocale();
  const dir = ext.i18n?.getMessage('@@bidi_dir');
  if (dir === 'rtl' || dir === 'ltr') root.dir = dir;
  document.title = t(titleKey);
}
