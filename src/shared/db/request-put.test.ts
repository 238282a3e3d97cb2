import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Index byListOrder serves the popup's order only while every write of a request derives the
// record's key again (putRequest). A put around it would leave a stale key: this finds one.
const SRC = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$|\.test-kit\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Puts into the requests store that do not go through putRequest. */
function strayPuts(text: string): string[] {
  const out: string[] = [];
  const direct = /\b(?:requests|objectStore\(\s*'requests'\s*\))\s*\.\s*(?:put|add)\(|\.(?:put|add)\(\s*'requests'/g;
  for (const m of text.matchAll(direct)) out.push(m[0]);
  // `tx.store` is the requests store in a transaction on it alone.
  if (/transaction\(\s*'requests'/.test(text)) for (const m of text.matchAll(/\.store\s*\.\s*(?:put|add)\(/g)) out.push(m[0]);
  return out;
}

describe('every write of a request goes through putRequest', () => {
  it('finds no other put into the requests store in src/', () => {
    const found = sourceFiles(SRC)
      .filter((f) => !f.endsWith(path.join('shared', 'db', 'request-put.ts')))
      .flatMap((f) => strayPuts(readFileSync(f, 'utf8')).map((p) => `${path.relative(SRC, f)}: ${p}`));
    expect(found).toEqual([]);
  });

  it('would find one (the check itself)', () => {
    expect(strayPuts("await tx.objectStore('requests').put({ ...r, caseStatus })")).toHaveLength(1);
    expect(strayPuts('for (const r of next) await requests.put(r);')).toHaveLength(1);
    expect(strayPuts("await database.put('requests', r);")).toHaveLength(1);
    expect(strayPuts("const tx = db.transaction('requests', 'readwrite');\nawait tx.store.put(r);")).toHaveLength(1);
    expect(strayPuts("await putRequest(tx.objectStore('requests'), r); await batches.put(b);")).toEqual([]);
  });
});
