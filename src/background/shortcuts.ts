import { commandShortcuts } from '../shared/browser.ts';
import { COMMAND_NAMES } from './commands.ts';

/**
 * Our commands with the keys the user has now (they may have changed or cleared them on the
 * browser's shortcuts page): an empty `shortcut` is an unassigned command.
 */
export async function shortcuts(): Promise<{ name: string; shortcut: string; description: string }[]> {
  const all = await commandShortcuts();
  return COMMAND_NAMES.flatMap((name) => {
    const c = all.find((x) => x.name === name);
    return c ? [{ name, shortcut: (c.shortcut ?? '').slice(0, 64), description: (c.description ?? '').slice(0, 300) }] : [];
  });
}
