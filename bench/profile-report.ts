import { readFileSync } from 'node:fs';
import path from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { DIST } from '../test/e2e/harness/extension.ts';

// Reading a CDP CPU profile: self time charged to the extension's own functions (through
// the built chunks' source maps). Shared by the profilers in bench/.

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** Several profiles as one: their nodes renumbered apart, their samples side by side. */
export function merge(profiles: Profile[]): Profile {
  const out: Profile = { nodes: [], samples: [], timeDeltas: [] };
  let offset = 0;
  for (const p of profiles) {
    const max = Math.max(...p.nodes.map((n) => n.id));
    for (const n of p.nodes) out.nodes.push({ ...n, id: n.id + offset, children: n.children?.map((c) => c + offset) });
    out.samples.push(...p.samples.map((s) => s + offset));
    out.timeDeltas.push(...p.timeDeltas);
    offset += max + 1;
  }
  return out;
}

/** Self time per function of extension code, and the total under each extension entry. */
export function report(p: Profile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time is charged to the nearest extension frame on the stack (DOM/native work it called
  // has no url): so "querySelectorAll inside extractCards" counts for extractCards.
  const charged = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    let n: Node | undefined = byId.get(id);
    let native = '';
    while (n && !n.callFrame.url.startsWith('chrome-extension://')) {
      if (!native && n.callFrame.functionName && !n.callFrame.url) native = n.callFrame.functionName;
      n = byId.get(parent.get(n.id) ?? -1);
    }
    if (!n) continue;
    total += us;
    const f = n.callFrame;
    const key = `${where(f)}${native ? ` → ${native}` : ''}`;
    charged.set(key, (charged.get(key) ?? 0) + us);
  }
  console.log(`extension code on the page's main thread: ${(total / 1000).toFixed(1)} ms (sampled)`);
  for (const [k, us] of [...charged].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

/**
 * Who called the extension functions whose name matches `match` (PROFILE_CALLERS=name):
 * their sampled self time (native work they called included) by source-mapped call chain.
 */
export function callers(p: Profile, match: string, depth = 5) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const chains = new Map<string, number>();
  p.samples.forEach((id, i) => {
    let n = byId.get(id);
    while (n && !n.callFrame.url.startsWith('chrome-extension://')) n = byId.get(parent.get(n.id) ?? -1);
    if (!n || !where(n.callFrame).includes(match)) return;
    const chain: string[] = [];
    for (let up = byId.get(parent.get(n.id) ?? -1); up && chain.length < depth; up = byId.get(parent.get(up.id) ?? -1)) {
      if (up.callFrame.url) chain.push(where(up.callFrame));
    }
    const key = `${where(n.callFrame)} ← ${chain.join(' ← ')}`;
    chains.set(key, (chains.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  console.log(`\ncallers of ${match}:`);
  for (const [k, us] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

/**
 * Total sampled time (PROFILE_TOTALS=fn,fn) spent in each named extension function and
 * everything it called: where a feature's time goes as a whole, not only its own lines.
 */
export function totals(p: Profile, names: string[]) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sum = new Map<string, number>(names.map((n) => [n, 0]));
  p.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let n = byId.get(id); n; n = byId.get(parent.get(n.id) ?? -1)) {
      if (!n.callFrame.url.startsWith('chrome-extension://')) continue;
      const w = where(n.callFrame);
      for (const name of names) if (!seen.has(name) && w.includes(name)) (seen.add(name), sum.set(name, sum.get(name)! + (p.timeDeltas[i] ?? 0)));
    }
  });
  console.log('\ntotal time in each, callees included:');
  for (const [k, us] of sum) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

const maps = new Map<string, TraceMap | null>();

/** The source function and line of a frame in a built chunk, through its source map. */
export function where(f: Node['callFrame']): string {
  const file = f.url.replace(/^chrome-extension:\/\/[^/]+\//, '');
  if (!maps.has(file)) {
    try {
      maps.set(file, new TraceMap(readFileSync(path.join(DIST, `${file}.map`), 'utf8')));
    } catch {
      maps.set(file, null);
    }
  }
  const map = maps.get(file);
  const pos = map && f.lineNumber >= 0 ? originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber }) : null;
  if (!pos?.source) return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  return `${pos.name ?? f.functionName ?? '(anonymous)'} ${pos.source.replace(/^(\.\.\/)+/, '')}:${pos.line}`;
}

