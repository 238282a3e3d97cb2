import { existsSync } from 'node:fs';

/**
 * Debian's Chromium. `/usr/bin/chromium` is a wrapper script; the binary behind it starts
 * faster and prints no shell noise. Tests never download a browser: there is no internet.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => Boolean(p) && existsSync(p!));
  if (!found) {
    throw new Error(
      'Chromium was not found. The end-to-end tests need Debian\'s Chromium: run `sudo apt-get update && sudo apt-get install -y chromium` ' +
        '(or set CHROMIUM_PATH to a Chromium binary), then run the tests again.',
    );
  }
  return found;
}

export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
