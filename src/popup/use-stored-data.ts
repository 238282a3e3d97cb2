import { useEffect, useState } from 'preact/hooks';
import type { QueuePause, Settings, TakedownRecord } from '../shared/model.ts';
import { listRequests } from '../shared/db/requests.ts';
import { getPause, getSettings } from '../shared/db/kv.ts';
import { onChange } from '../shared/db/changes.ts';

export interface StoredData {
  records: TakedownRecord[];
  pause: QueuePause | null;
  settings: Settings;
}

export type StoredState = { status: 'loading' } | { status: 'ready'; data: StoredData } | { status: 'failed'; error: string };

async function read(): Promise<StoredData> {
  const [records, pause, settings] = await Promise.all([listRequests(), getPause(), getSettings()]);
  return { records, pause, settings };
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
    const reload = async () => {
      if (running) return void (again = true);
      running = true;
      do {
        again = false;
        try {
          const data = await read();
          if (alive) setState({ status: 'ready', data });
        } catch (err) {
          if (alive) setState({ status: 'failed', error: (err as Error).message });
        }
      } while (again && alive);
      running = false;
    };
    const unsubscribe = onChange(() => void reload());
    void reload();
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  return state;
}
