/** A built bundle as both build plugins read it: its chunks and what each imports. */
export type ChunkBundle = Readonly<Record<string, { type: 'chunk'; imports: string[]; dynamicImports: string[] } | { type: 'asset' }>>;

/**
 * The chunks `roots` load, following static imports (and dynamic ones too with `dynamic`):
 * the popup's preload links (preload-page-graph.ts) and what the classic content scripts may
 * import (classic-content-scripts.ts). Roots that are not chunks are skipped.
 */
export function chunkClosure(bundle: ChunkBundle, roots: Iterable<string>, opts: { dynamic: boolean }): Set<string> {
  const files = new Set<string>();
  const visit = (file: string) => {
    const chunk = bundle[file];
    if (files.has(file) || !chunk || chunk.type !== 'chunk') return;
    files.add(file);
    for (const dep of opts.dynamic ? [...chunk.imports, ...chunk.dynamicImports] : chunk.imports) visit(dep);
  };
  for (const root of roots) visit(root);
  return files;
}
