import { CSS } from './styles.ts';
import { worldState } from '../shared/world.ts';

// One host element per document holds every piece of injected UI in an open shadow root
// (open so that test tools reach the automation hooks; safety comes from trusted events).

export { HOST_TAG } from './host-tag.ts';
import { HOST_TAG } from './host-tag.ts';

/** Set on the host while the worker captures the page: our UI must never be in the evidence. */
export const CAPTURING_ATTR = 'data-tdf-capturing';
// In our own shadow sheet, last and more specific than `:host`: an important declaration of
// the shadow tree beats every page rule and inline style, and this one also beats our own
// `:host { all: initial !important }` (which beat the inline `visibility: hidden` used before).
const HIDE_WHILE_CAPTURING = `\n:host([${CAPTURING_ATTR}]) { display: none !important; }\n`;

export interface Mount {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the UI renders. */
  layer: HTMLElement;
}

// One per page, also for the copies of this module in on-demand chunks (world.ts).
const mounts = worldState('mounts', () => new WeakMap<Document, Mount>());

function addStyles(shadow: ShadowRoot, doc: Document): void {
  try {
    // A constructed sheet is not subject to the page's style-src CSP, unlike a <style>.
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(CSS + HIDE_WHILE_CAPTURING);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = CSS + HIDE_WHILE_CAPTURING;
    shadow.append(style);
  }
}

/** The document's UI root, created on first use; re-attached if the page removed it. */
export function mount(doc: Document = document): Mount {
  const existing = mounts.get(doc);
  if (existing) {
    if (!existing.host.isConnected) doc.documentElement.append(existing.host);
    return existing;
  }
  // A host we did not create here is a leftover of an earlier copy of the extension
  // (updated or reloaded): its UI no longer talks to anything.
  for (const stale of doc.querySelectorAll(HOST_TAG)) stale.remove();

  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  addStyles(shadow, doc);
  const layer = doc.createElement('div');
  layer.className = 'layer';
  shadow.append(layer);
  doc.documentElement.append(host);
  const m = { host, shadow, layer };
  mounts.set(doc, m);
  return m;
}

