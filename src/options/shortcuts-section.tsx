import { useEffect, useState } from 'preact/hooks';
import { browserKind, commandShortcuts, openShortcutSettings } from '../shared/browser.ts';
import { t, type MessageKey } from '../shared/i18n.ts';

/** Our commands, in the order they are listed, with what each does. */
const COMMANDS: [string, MessageKey][] = [
  ['flag-listing', 'command_flag'],
  ['toggle-selection', 'command_toggle_selection'],
  ['flag-selection', 'command_flag_selection'],
];

/**
 * The keyboard shortcuts as the browser has them now (the user may have changed or cleared
 * them), each command with its keys or "not set", and the way to change them. Read again when
 * the page comes back into view: the user changes them on the browser's own page.
 */
export function ShortcutsSection() {
  const [keys, setKeys] = useState<Map<string, string> | null>(null);
  const [cannotOpen, setCannotOpen] = useState(false);
  useEffect(() => {
    let alive = true;
    const read = () =>
      void commandShortcuts()
        .then((all) => alive && setKeys(new Map(all.map((c) => [c.name ?? '', c.shortcut ?? '']))))
        .catch(() => undefined);
    read();
    const onVisible = () => document.visibilityState === 'visible' && read();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', read);
    return () => {
      alive = false;
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', read);
    };
  }, []);
  const firefox = browserKind() === 'firefox';
  return (
    <section class="card" data-testid="shortcuts">
      <h2>{t('options_shortcuts_heading')}</h2>
      <p class="muted">{t('options_shortcuts_intro')}</p>
      <dl class="shortcuts">
        {COMMANDS.map(([name, label]) => {
          const shortcut = keys?.get(name) ?? '';
          return (
            <div key={name} data-testid="shortcut" data-command={name} data-shortcut={shortcut}>
              <dt>{t(label)}</dt>
              <dd>{keys === null ? '…' : shortcut ? <kbd>{shortcut}</kbd> : <span class="muted">{t('options_shortcut_unset')}</span>}</dd>
            </div>
          );
        })}
      </dl>
      <button type="button" data-testid="change-shortcuts" onClick={() => void openShortcutSettings().then((ok) => setCannotOpen(!ok), () => setCannotOpen(true))}>
        {t('options_shortcuts_change')}
      </button>
      <p class={cannotOpen ? 'field-error' : 'muted'}>{t(firefox ? 'options_shortcuts_firefox' : 'options_shortcuts_chrome')}</p>
    </section>
  );
}
