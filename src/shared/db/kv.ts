import { db } from './open.ts';
import { announce } from './changes.ts';
import { DEFAULT_SETTINGS, QueuePause, Settings } from '../model.ts';

const SETTINGS = 'settings';
const PAUSE = 'queuePause';

/** Settings as stored, repaired to the current shape (a stored record is never trusted blindly). */
export async function getSettings(): Promise<Settings> {
  const raw = await (await db()).get('kv', SETTINGS);
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(raw as object | undefined) });
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const database = await db();
  const tx = database.transaction('kv', 'readwrite');
  const current = Settings.safeParse({ ...DEFAULT_SETTINGS, ...((await tx.store.get(SETTINGS)) as object | undefined) });
  const next = Settings.parse({ ...(current.success ? current.data : DEFAULT_SETTINGS), ...patch });
  await tx.store.put(next, SETTINGS);
  await tx.done;
  announce('settings');
  return next;
}

export async function getPause(): Promise<QueuePause | null> {
  const raw = await (await db()).get('kv', PAUSE);
  const parsed = QueuePause.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function setPause(pause: QueuePause | null): Promise<void> {
  const database = await db();
  if (pause) await database.put('kv', pause, PAUSE);
  else await database.delete('kv', PAUSE);
  announce('queue');
}
