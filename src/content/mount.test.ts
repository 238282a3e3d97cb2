// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HOST_TAG, mount } from './mount.ts';

describe('mount', () => {
  it('removes a host left by an earlier copy of the extension', () => {
    const stale = document.createElement(HOST_TAG);
    document.documentElement.append(stale);
    mount(document);
    expect(stale.isConnected).toBe(false);
  });

  it('creates exactly one host with an open shadow root, however often it runs', () => {
    const a = mount(document);
    const b = mount(document);
    expect(b).toBe(a);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(a.host.parentNode).toBe(document.documentElement);
    expect(a.host.shadowRoot).toBe(a.shadow);
    expect(a.shadow.mode).toBe('open');
    expect(a.layer.getRootNode()).toBe(a.shadow);
  });

  it('styles the UI from inside the shadow root, resetting what the page would pass on', () => {
    const { shadow } = mount(document);
    const css = [...shadow.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n') + (shadow.querySelector('style')?.textContent ?? '');
    expect(css).toMatch(/:host\s*\{[^}]*all: initial !important/);
    expect(css).toMatch(/position: absolute !important/);
    expect(css).toMatch(/z-index: 2147483647 !important/);
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('re-attaches the same host if the page removed it', () => {
    const a = mount(document);
    a.host.remove();
    const b = mount(document);
    expect(b.host).toBe(a.host);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });
});
