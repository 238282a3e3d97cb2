import { normaliseSpace } from '../shared/text.ts';
import { imageUrl } from './urls.ts';

// Selector helpers for adapters. Selectors come in ordered arrays (one per page generation
// or variant); the first that matches outside the excluded regions wins.

/** No single page field needs more; longer text is cut before it is normalised. */
const MAX_FIELD_CHARS = 4000;

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return []; // a selector this DOM implementation does not support
  }
}

function excluded(el: Element, exclude: string | undefined): boolean {
  if (!exclude) return false;
  try {
    return el.closest(exclude) !== null;
  } catch {
    return false;
  }
}

/**
 * The matches in selector order then document order, one selector's query at a time: a
 * reader that stops at the first good value never runs the later selectors (reading a card
 * is on the page's hot path). An element matched by two selectors comes twice.
 */
function* matches(root: ParentNode, selectors: readonly string[], exclude?: string): Generator<Element> {
  for (const s of selectors) for (const el of queryAll(root, s)) if (!excluded(el, exclude)) yield el;
}

/** The first element matching the selectors in order, skipping any inside `exclude`. */
export function pick(root: ParentNode, selectors: readonly string[], exclude?: string): Element | null {
  for (const el of matches(root, selectors, exclude)) return el;
  return null;
}

/** All matches, in selector order then document order, without duplicates. */
export function pickAll(root: ParentNode, selectors: readonly string[], exclude?: string): Element[] {
  const out: Element[] = [];
  for (const s of selectors) {
    for (const el of queryAll(root, s)) if (!excluded(el, exclude) && !out.includes(el)) out.push(el);
  }
  return out;
}

/** The first non-empty value the reader gets from the matches, in order. */
export function firstValue<T = string>(
  root: ParentNode,
  selectors: readonly string[],
  read: (el: Element) => T | null,
  exclude?: string,
): T | null {
  for (const el of matches(root, selectors, exclude)) {
    const v = read(el);
    if (v) return v;
  }
  return null;
}

/** Visible-ish text, whitespace normalised; null when empty. */
export function textOf(el: Element): string | null {
  return normaliseSpace((el.textContent ?? '').slice(0, MAX_FIELD_CHARS)) || null;
}

/** An attribute, whitespace normalised; null when absent or empty. */
export function attrOf(el: Element, name: string): string | null {
  return normaliseSpace((el.getAttribute(name) ?? '').slice(0, MAX_FIELD_CHARS)) || null;
}

/** The text of inline scripts (no `src`), skipping any too long to be worth reading. */
export function inlineScripts(doc: ParentNode, maxChars: number): string[] {
  return queryAll(doc, 'script:not([src])')
    .map((s) => s.textContent ?? '')
    .filter((t) => t.length > 0 && t.length <= maxChars);
}

/**
 * The picture an element shows (the img itself or the first inside it), as a full-size
 * https URL. Lazy lists keep the real URL in data-src (or data-ks-lazyload) and a
 * placeholder in src, so those come first; placeholders give null.
 */
export function imageOf(el: Element, base: URL): string | null {
  const img = el.tagName === 'IMG' ? el : el.querySelector('img');
  if (!img) return null;
  for (const name of ['data-src', 'data-ks-lazyload', 'src']) {
    const v = img.getAttribute(name);
    if (v && !v.startsWith('data:') && !/\/s\.gif$|spaceball/i.test(v)) return imageUrl(v, base);
  }
  return null;
}

/** The elements matching `selector` in `root`, `root` included when it is one (a card added alone). */
export function cardElements(root: ParentNode, selector: string): Element[] {
  const self = root as Partial<Element>;
  let own = false;
  try {
    own = typeof self.matches === 'function' && self.matches(selector);
  } catch {
    own = false;
  }
  return [...(own ? [root as Element] : []), ...queryAll(root, selector)];
}
