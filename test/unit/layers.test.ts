import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The import rules of DESIGN.md ("Layout"), checked on every source file so a shortcut across
// layers fails the run instead of slowly turning the layers into one.
const SRC = path.resolve(import.meta.dirname, '../../src');

/** What each top-level folder of src/ may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  shared: [],
  sites: ['shared'],
  ui: ['shared'],
  evidence: ['shared'],
  background: ['shared', 'sites', 'evidence'],
  content: ['shared', 'sites', 'ui'],
  popup: ['shared', 'ui', 'evidence'],
  options: ['shared', 'ui'],
  cli: ['shared', 'evidence'],
};

/**
 * The worker knows sites by their URL rules only (DESIGN.md: site.ts): the page readers
 * belong in content scripts, and each of them would weigh down every worker start.
 */
const WORKER_SITE_FILES = /^sites\/(?:adapter|definitions|match-pattern|urls|[a-z0-9]+\/(?:site|detect))\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const isTestFile = (f: string) => /\.test\.tsx?$|\.test-kit\.tsx?$/.test(f);

/** Relative import specifiers of a file (static, dynamic and `export … from`). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

/** The violations in one file: a top-level folder of src/ it may not reach. */
export function violations(file: string, text: string): string[] {
  const layer = path.relative(SRC, file).split(path.sep)[0]!;
  const allowed = ALLOWED[layer];
  if (!allowed) return [`${path.relative(SRC, file)}: src/${layer} is not in the layer rules`];
  const bad: string[] = [];
  for (const spec of importsOf(text)) {
    const target = path.resolve(path.dirname(file), spec);
    const rel = path.relative(SRC, target);
    if (rel.startsWith('..')) {
      // Outside src/: only the locale catalogue (types for i18n) and, from tests, test code.
      if (rel.startsWith(`..${path.sep}public${path.sep}`)) continue;
      if (isTestFile(file)) continue;
      bad.push(`${path.relative(SRC, file)} imports ${spec} (outside src/)`);
      continue;
    }
    const to = rel.split(path.sep)[0]!;
    if (to !== layer && !allowed.includes(to)) bad.push(`${path.relative(SRC, file)} imports ${spec} (src/${to})`);
    else if (layer === 'background' && to === 'sites' && !WORKER_SITE_FILES.test(rel.split(path.sep).join('/'))) {
      bad.push(`${path.relative(SRC, file)} imports ${spec} (the worker reads sites only through their pure definitions)`);
    }
    if (/\.test-kit\.tsx?$/.test(target) && !isTestFile(file)) bad.push(`${path.relative(SRC, file)} imports the test kit ${spec}`);
  }
  return bad;
}

describe('layers', () => {
  it('every shipped source file imports only what its layer may (DESIGN.md)', () => {
    const bad = sourceFiles(SRC).filter((f) => !isTestFile(f)).flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });

  it('reports an import across layers, a shared file reaching a context, and shipped code importing a test kit', () => {
    const f = (p: string) => path.join(SRC, p);
    expect(violations(f('shared/model.ts'), "import { x } from '../background/flag.ts';")).toHaveLength(1);
    expect(violations(f('sites/taobao/cards.ts'), "import { y } from '../../content/mount.ts';")).toHaveLength(1);
    expect(violations(f('popup/app.tsx'), "const m = await import('../background/flag.ts');")).toHaveLength(1);
    expect(violations(f('content/run.ts'), "export { z } from './search.test-kit.ts';")).toHaveLength(1);
    expect(violations(f('content/run.ts'), "import { z } from '../sites/registry.ts';\nimport '../shared/zod.ts';")).toEqual([]);
    expect(violations(f('background/flag.ts'), "import { adapterFor } from '../sites/registry.ts';")).toHaveLength(1);
    expect(violations(f('background/flag.ts'), "import { x } from '../sites/lazada/cards.ts';")).toHaveLength(1);
    expect(violations(f('background/flag.ts'), "import { siteFor } from '../sites/definitions.ts';\nimport { lazadaSite } from '../sites/lazada/site.ts';")).toEqual([]);
  });
});
