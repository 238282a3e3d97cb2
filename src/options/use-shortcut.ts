import { useEffect, useState } from 'preact/hooks';
import { commandShortcuts } from '../shared/browser.ts';

/** The keys the user has for the flag command (they may have changed or cleared them): null when unset, undefined while unknown. */
export function useFlagShortcut(): string | null | undefined {
  const [keys, setKeys] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    commandShortcuts()
      .then((all) => {
        const shortcut = all.find((c) => c.name === 'flag-listing')?.shortcut;
        if (alive) setKeys(shortcut || null);
      })
      .catch(() => undefined);
    return () => void (alive = false);
  }, []);
  return keys;
}
