// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SiteAccessBanner } from './site-access-banner.tsx';
import { waitFor } from '../../test/unit/ui-wait.ts';

// Firefox MV3: the user can withdraw a marketplace host permission. The popup then names the
// site, says what the access is for, and asks for it again on the user's click.

const TAOBAO = '*://*.taobao.com/*';
const TMALL = '*://*.tmall.com/*';
let container: HTMLElement;
const fake = () => (globalThis as any).chrome;
const banner = () => container.querySelector<HTMLElement>('[data-testid="site-access-withdrawn"]');

beforeEach(() => {
  container = document.createElement('div');
  document.body.replaceChildren(container);
  fake().runtime.getManifest = () => ({ version: '0.0.0-test', host_permissions: [TAOBAO, TMALL, '<all_urls>'] });
});

describe('a withdrawn marketplace permission', () => {
  it('names the withdrawn site and why it is needed, and asks for it again on a click', async () => {
    fake().permissions.granted.add(TMALL);
    await act(() => render(<SiteAccessBanner />, container));
    const shown = await waitFor(banner, 'the banner');
    expect(shown.textContent).toContain('taobao.com');
    expect(shown.textContent).not.toContain('tmall.com');
    expect(shown.textContent).toContain('“Flag as counterfeit” button cannot appear');
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="site-access-allow"]')!.click());
    await waitFor(() => !banner(), 'the banner to go once access is allowed');
    expect(fake().permissions.granted.has(TAOBAO)).toBe(true);
  });

  it('says nothing while every marketplace is granted (<all_urls> is asked for elsewhere)', async () => {
    fake().permissions.granted.add(TAOBAO).add(TMALL);
    await act(() => render(<SiteAccessBanner />, container));
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(banner()).toBeNull();
  });

  it('stays, saying so, when the user refuses the prompt', async () => {
    fake().permissions.request = async () => false;
    await act(() => render(<SiteAccessBanner />, container));
    await waitFor(banner, 'the banner');
    expect(banner()!.textContent).toContain('taobao.com, tmall.com');
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="site-access-allow"]')!.click());
    await waitFor(() => banner()?.textContent?.includes('Access was not granted'), 'the refusal said');
  });
});
