import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import manifest from '../../manifest.config.ts';
import baseline from './permissions-baseline.json' with { type: 'json' };

// Adding a permission or a host is a deliberate change: it must show up in review as a
// change to permissions-baseline.json, with the README's table saying why.
describe('manifest permissions', () => {
  const m = manifest as unknown as Record<string, unknown>;
  it('match the committed baseline exactly', () => {
    expect({
      permissions: m.permissions,
      host_permissions: m.host_permissions,
      optional_host_permissions: m.optional_host_permissions,
      optional_permissions: m.optional_permissions ?? [],
      content_security_policy: m.content_security_policy ?? null,
      externally_connectable: m.externally_connectable ?? null,
    }).toEqual(baseline);
  });

  it('declare storage exactly when shipped code uses chrome.storage (IndexedDB needs no permission)', () => {
    const src = path.resolve(import.meta.dirname, '../../src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test(-kit)?\.tsx?$/.test(f));
    const users = files.filter((f) => /\bstorage\.(local|sync|session|managed|onChanged)\b/.test(readFileSync(path.join(src, f), 'utf8')));
    expect((m.permissions as string[]).includes('storage'), `storage used by: ${users.join(', ') || 'nothing'}`).toBe(users.length > 0);
  });

  it('never ask for the powerful permissions we do not need', () => {
    const all = [...((m.permissions as string[]) ?? []), ...((m.optional_permissions as string[]) ?? [])];
    for (const p of ['tabs', 'debugger', 'cookies', 'webRequest', 'webRequestBlocking', 'scripting', 'history', 'management', 'nativeMessaging']) {
      expect(all).not.toContain(p);
    }
    expect(m.host_permissions).not.toContain('<all_urls>');
  });

  it('runs content scripts only on marketplace hosts', () => {
    const scripts = m.content_scripts as { matches: string[] }[];
    for (const s of scripts) for (const match of s.matches) expect(match).toMatch(/^\*:\/\/[^/]*(taobao|tmall|lazada|aliexpress|1688)\.[a-z.]+\/\*$/);
  });
});
