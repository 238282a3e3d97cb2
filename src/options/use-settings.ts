import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../shared/model.ts';
import { getSettings } from '../shared/db/kv.ts';
import { onChange } from '../shared/db/changes.ts';

/** The stored settings, re-read whenever any context saves them; the newest read wins. */
export function useSettings(): { settings: Settings | null; reload: () => void } {
  const [settings, setSettings] = useState<Settings | null>(null);
  const seq = useRef(0);
  const alive = useRef(true);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    void getSettings().then((s) => {
      if (alive.current && mine === seq.current) setSettings(s);
    });
  }, []);
  useEffect(() => {
    alive.current = true;
    const unsubscribe = onChange((change) => {
      if (change === 'settings') reload();
    });
    reload();
    return () => {
      alive.current = false;
      unsubscribe();
    };
  }, [reload]);
  return { settings, reload };
}
