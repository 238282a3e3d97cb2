import { createStore } from 'zustand/vanilla';
import { useEffect } from 'preact/hooks';
import type { StampJob } from '../shared/db/schema.ts';
import type { TakedownRecord } from '../shared/model.ts';
import { db } from '../shared/db/open.ts';
import { onChange } from '../shared/db/changes.ts';
import { useStore } from '../ui/use-store.ts';
import { manifestOf, stampStatus, type StampStatus } from './stamp-status.ts';

interface Stamps {
  jobs: ReadonlyMap<string, StampJob>;
  tsaConfigured: boolean;
}

/** The stamp jobs by manifest, read from IndexedDB after the rows are on screen, and kept fresh. */
const stamps = createStore<Stamps>()(() => ({ jobs: new Map(), tsaConfigured: false }));

let watching = false;

/** Starts reading at the first row that asks (never before the first paint), once per page. */
function watch(): void {
  if (watching) return;
  watching = true;
  let running = false;
  let again = false;
  const load = async () => {
    if (running) return void (again = true);
    running = true;
    do {
      again = false;
      try {
        // kv.ts brings zod: loaded here, after the first paint, not with the rows.
        const { getSettings } = await import('../shared/db/kv.ts');
        const [all, settings] = await Promise.all([(await db()).getAll('stamps'), getSettings()]);
        stamps.setState({ jobs: new Map(all.map((j) => [j.manifestSha256, j])), tsaConfigured: settings.tsaUrls.length > 0 });
      } catch {
        // The rows go on without the stamp line; the next change reads again.
      }
    } while (again);
    running = false;
  };
  onChange((c) => c !== 'queue' && void load());
  void load();
}

/** The trusted-timestamp status of one request's capture; re-renders only when it changes. */
export function useStampStatus(record: Pick<TakedownRecord, 'evidence'>): StampStatus {
  useEffect(watch, []);
  const sha = manifestOf(record);
  const job = useStore(stamps, (s) => (sha ? s.jobs.get(sha) : undefined));
  const configured = useStore(stamps, (s) => s.tsaConfigured);
  return stampStatus(record, job, configured);
}
