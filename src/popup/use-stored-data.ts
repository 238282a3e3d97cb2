import { useEffect, useState } from 'preact/hooks';
import type { QueuePause, Settings, TakedownRecord } from '../shared/model.ts';
import { listFirstRequests, listRequests } from '../shared/db/requests.ts';
import { getPause, getSettings } from '../shared/db/kv.ts';
import { onChange } from '../shared/db/changes.ts';

export interface StoredData {
  records: TakedownRecord[];
  pause: QueuePause | null;
  settings: Settings;
  /** False for the first paint, which holds only the groups on top (not the resolved history). */
  complete: boolean;
}

export type StoredState = { status: 'loading' } | { status: 'ready'; data: StoredData } | { status: 'failed'; error: string };

async function read(list: () => Promise<TakedownRecord[]>, complete: boolean): Promise<StoredData> {
  const [records, pause, settings] = await Promise.all([list(), getPause(), getSettings()]);
  return { records, pause, settings, complete };
}

/**
 * Reads straight from IndexedDB (so the popup opens while the worker sleeps) and re-reads
 * on change notifications. Bursts of notifications (a batch being applied) cost one
 * re-read after the one in flight, not one each.
 */
export function useStoredData(): StoredState {
  const [state, setState] = useState<StoredState>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    let running = false;
    let again = false;
    // First paint: the groups on top, through the indexes; then everything (counts, search,
    // the resolved history, the good-faith record).
    const first = async () => {
      try {
        const data = await read(listFirstRequests, false);
        if (alive && !fullyRead && data.records.length > 0) setState({ status: 'ready', data });
      } catch {
        // The full read below reports failures.
      }
    };
    let fullyRead = false;
    const reload = async () => {
      if (running) return void (again = true);
      running = true;
      do {
        again = false;
        try {
          const data = await read(listRequests, true);
          fullyRead = true;
          if (alive) setState({ status: 'ready', data });
        } catch (err) {
          if (alive) setState({ status: 'failed', error: (err as Error).message });
        }
      } while (again && alive);
      running = false;
    };
    const unsubscribe = onChange(() => void reload());
    void first().then(reload);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  return state;
}
