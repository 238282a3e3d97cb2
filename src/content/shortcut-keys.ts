import { askWorker } from './ask-worker.ts';
import type { ResponseOf } from '../shared/messages.ts';
import { t } from '../shared/i18n.ts';
import { onTrusted } from './trusted.ts';

type Shortcuts = ResponseOf<'shortcuts'>;

// per copy: a cache of the worker's answer; a second copy only asks once more.
let cached: Promise<Shortcuts | null> | null = null;

/**
 * The keys the user has for our commands, asked of the worker once per page (content scripts
 * cannot read chrome.commands). Null when the worker cannot say: then no hint is shown.
 */
export function loadShortcuts(): Promise<Shortcuts | null> {
  cached ??= askWorker('shortcuts', {}).then(
    (s) => (Array.isArray(s?.commands) ? s : null),
    () => ((cached = null), null),
  );
  return cached;
}

/** The keys of one command as the user reads them: the keys, or "no shortcut set". */
export function keysOf(all: Shortcuts | null, name: string): string {
  return all?.commands.find((c) => c.name === name)?.shortcut || t('content_shortcut_unset');
}

/** "Change shortcuts": the browser's page; where it cannot be opened, the way there. */
export async function changeShortcuts(all: Shortcuts | null): Promise<string | null> {
  const opened = await askWorker('openShortcutSettings', {}).then((a) => a?.opened === true, () => false);
  if (opened) return null;
  return t(all?.browser === 'firefox' ? 'content_shortcuts_where_firefox' : 'content_shortcuts_where_chrome');
}

/**
 * The hint line in plain DOM (the search page's toolbar loads no UI library): each command's
 * keys with its label, and a button to change them. Filled in once the worker answers.
 */
export function shortcutHint(doc: Document, entries: { name: string; label: (keys: string) => string }[]): HTMLElement {
  const p = doc.createElement('p');
  p.className = 'shortcuts';
  p.dataset.testid = 'shortcut-hint';
  void loadShortcuts().then((all) => {
    if (!all) return;
    for (const { name, label } of entries) {
      const span = doc.createElement('span');
      span.dataset.command = name;
      span.textContent = label(keysOf(all, name));
      p.append(span);
    }
    const change = doc.createElement('button');
    change.type = 'button';
    change.dataset.testid = 'change-shortcuts';
    change.textContent = t('content_shortcuts_change');
    change.addEventListener(
      'click',
      onTrusted(() => {
        void changeShortcuts(all).then((where) => {
          if (!where) return;
          const note = doc.createElement('span');
          note.textContent = where;
          change.replaceWith(note);
        });
      }),
    );
    p.append(change);
  });
  return p;
}
