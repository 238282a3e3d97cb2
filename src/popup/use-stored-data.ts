import { useLayoutEffect, useState } from 'preact/hooks';
import type { QueuePause, Settings, TakedownRecord } from '../shared/model.ts';
import { listOpenCases, listRequests } from '../shared/db/requests.ts';
import { onChange } from '../shared/db/changes.ts';
import { checkTop, FIRST_SCREEN_ROWS, readTop, takeFirstRead, type FirstCounts, type FirstRead } from './first-read.ts';
import { groupOf } from './groups.ts';

export interface StoredData {
  records: TakedownRecord[];
  pause: QueuePause | null;
  /** Null for the first paint: settings are read through their schemas (zod), with the full read. */
  settings: Settings | null;
  /** False for the first paint, which holds only the rows on top (not the resolved history). */
  complete: boolean;
  /** The first paint's group and queue counts, when it holds only its first rows; null otherwise. */
  counts: FirstCounts | null;
}

export type StoredState = { status: 'loading' } | { status: 'ready'; data: StoredData } | { status: 'failed'; error: string };

/** Everything, each kv entry checked against its schema (kv.ts loads zod: after the first paint). */
async function readAll(): Promise<StoredData> {
  const { getPause, getSettings } = await import('../shared/db/kv.ts');
  const [records, pause, settings] = await Promise.all([listRequests(), getPause(), getSettings()]);
  return { records, pause, settings, complete: true, counts: null };
}

/**
 * The first paint's requests: the rows of the first screen in display order (with the counts
 * of their groups); or, while the queue is paused, the needs-you and queued groups whole, and
 * the open cases too when those two do not fill the first screen. Either way the rows on the
 * first screen are the ones the full read puts there.
 */
async function readFirst({ records, pause, counts }: FirstRead): Promise<StoredData> {
  const data: StoredData = { records, pause, settings: null, complete: false, counts };
  if (counts) return data;
  const paused = pause !== null;
  const top = data.records.filter((r) => {
    const g = groupOf(r, paused);
    return g === 'needs_you' || g === 'queued';
  }).length;
  if (top >= FIRST_SCREEN_ROWS) return data;
  const open = await listOpenCases();
  const ids = new Set(data.records.map((r) => r.clientRequestId));
  return { ...data, records: [...data.records, ...open.filter((r) => !ids.has(r.clientRequestId))] };
}

/**
 * Reads straight from IndexedDB (so the popup opens while the worker sleeps) and re-reads
 * on change notifications. Bursts of notifications (a batch being applied) cost one
 * re-read after the one in flight, not one each.
 */
export function useStoredData(): StoredState {
  const [state, setState] = useState<StoredState>({ status: 'loading' });
  // A layout effect runs as the first render commits; a plain effect waits for the next frame
  // (profiled: the rows came one frame, 15 to 35 ms, after the first read had landed).
  useLayoutEffect(() => {
    let alive = true;
    let running = false;
    let again = false;
    // First paint: the groups on top, through the indexes; then everything (counts, search,
    // the resolved history, the good-faith record).
    const show = (data: StoredData) => {
      if (alive && !fullyRead && data.records.length > 0) setState({ status: 'ready', data });
    };
    const first = async () => {
      try {
        const read = await (takeFirstRead() ?? readTop());
        show(await readFirst(read));
        // Not before the first row: whether the index holds every request (see checkTop).
        void checkTop(read)
          .then(async (whole) => whole && !fullyRead && show(await readFirst(whole)))
          .catch(() => undefined); // the full read reports failures
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
          const data = await readAll();
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
