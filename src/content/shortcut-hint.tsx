import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '../shared/messages.ts';
import { t } from '../shared/i18n.ts';
import { onTrusted } from './trusted.ts';
import { changeShortcuts, keysOf, loadShortcuts } from './shortcut-keys.ts';

/** The keys of the command that opens this form, and the way to change them (hook `shortcut-hint`). */
export function ShortcutHint({ name }: { name: string }) {
  const [all, setAll] = useState<ResponseOf<'shortcuts'> | null>(null);
  const [where, setWhere] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadShortcuts().then((s) => live && setAll(s));
    return () => void (live = false);
  }, []);
  if (!all) return null;
  return (
    <p class="shortcuts" data-testid="shortcut-hint">
      <span data-command={name}>{t('content_shortcut', keysOf(all, name))}</span>
      {where ? (
        <span>{where}</span>
      ) : (
        <button type="button" data-testid="change-shortcuts" onClick={onTrusted(() => void changeShortcuts(all).then(setWhere))}>
          {t('content_shortcuts_change')}
        </button>
      )}
    </p>
  );
}
