import { mount } from './mount.ts';

const SHOW_MS = 8_000;

/**
 * A short message on the page, in our UI root, for what a keyboard command or the link menu
 * could not do (they have no button of ours to answer beside). One at a time.
 */
export function showNotice(doc: Document, text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  const { layer } = mount(doc);
  layer.querySelector('[data-testid="page-notice"]')?.remove();
  const p = doc.createElement('p');
  p.className = kind === 'error' ? 'panel notice message error' : 'panel notice message';
  p.dataset.testid = 'page-notice';
  p.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  p.textContent = text;
  layer.append(p);
  doc.defaultView?.setTimeout(() => p.remove(), SHOW_MS);
  return p;
}
