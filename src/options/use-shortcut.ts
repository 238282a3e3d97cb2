import { useEffect, useState } from 'preact/hooks';

/** The keys the user has for the flag command (they may have changed or cleared them); null while unknown or unset. */
export function useFlagShortcut(): string | null {
  const [keys, setKeys] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    Promise.resolve(globalThis.chrome?.commands?.getAll?.())
      .then((all) => {
        const shortcut = all?.find((c) => c.name === 'flag-listing')?.shortcut;
        if (alive) setKeys(shortcut || null);
      })
      .catch(() => undefined);
    return () => void (alive = false);
  }, []);
  return keys;
}
