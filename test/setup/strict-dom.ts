import { types } from 'node:util';

// Chromium's DOM bindings accept only real nodes where the IDL says Node or Element: a Proxy
// around a node is refused with a TypeError. happy-dom accepts anything node-like, so a
// wrapper that slipped into IntersectionObserver.observe or Node.contains passed every unit
// test and broke every card in the real browser (issue 9). Unit tests get Chromium's rule.

/** Throws Chromium's TypeError unless `value` is a real node (or null where the IDL allows it). */
export function assertRealNode(value: unknown, where: string, nullable = false): void {
  if (nullable && value == null) return;
  const nodeLike = typeof value === 'object' && value !== null && typeof (value as { nodeType?: unknown }).nodeType === 'number';
  if (!nodeLike || types.isProxy(value)) throw new TypeError(`Failed to execute '${where}': parameter 1 is not of type 'Node'.`);
}

type Proto = Record<string, unknown>;

function guard(proto: Proto | undefined, method: string, where: string, nullable = false): void {
  const original = proto?.[method];
  if (typeof original !== 'function' || (original as { strict?: boolean }).strict) return;
  const strict = function (this: unknown, ...args: unknown[]) {
    assertRealNode(args[0], where, nullable);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  (strict as { strict?: boolean }).strict = true;
  proto![method] = strict;
}

/** Makes the DOM of the current test environment (happy-dom) refuse non-nodes as Chromium does. */
export function installStrictDom(g: Record<string, any> = globalThis as Record<string, any>): void {
  if (!g.Node) return; // the node environment: no DOM
  guard(g.Node.prototype, 'contains', "Node.contains", true);
  guard(g.Node.prototype, 'compareDocumentPosition', 'Node.compareDocumentPosition');
  guard(g.MutationObserver?.prototype, 'observe', 'MutationObserver.observe');
  for (const name of ['IntersectionObserver', 'ResizeObserver']) {
    guard(g[name]?.prototype, 'observe', `${name}.observe`);
    guard(g[name]?.prototype, 'unobserve', `${name}.unobserve`);
  }
}
