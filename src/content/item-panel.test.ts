// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { itemPanel } from './item-panel.ts';
// The form's module, which the panel fetches when it is opened, already loaded (as once the
// user points at the button): these tests are about what the form does, not when it arrives.
import './flag-form-view.tsx';
import type { RequestOf } from '../shared/messages.ts';
import { mount } from './mount.ts';
import { order } from './page-orders.ts';
import { change, fakeWorker, flagContext, listing, settle, trustedClick, type Sent } from './helpers.test-kit.ts';

const NOW = Date.parse('2026-03-03T10:00:00.000Z');
const noAnnotations = () => ({ annotations: [], sellerCounts: {} });

let remove: (() => void) | null = null;

async function show(shown = listing) {
  const { shadow, layer } = mount(document);
  await act(() => void (remove = itemPanel(document, layer, shown, { now: () => NOW })));
  await settle();
  const q = <E extends Element = HTMLElement>(id: string) => shadow.querySelector<E>(`[data-testid="${id}"]`);
  return { shadow, layer, q };
}

const types = (sent: Sent[]) => sent.map((m) => m.type);

afterEach(async () => {
  await act(() => void remove?.());
  remove = null;
});

describe('item panel', () => {
  it('asks once whether the item has a request, and shows the flag button', async () => {
    const sent = fakeWorker({ lookup: noAnnotations });
    const { q } = await show();
    expect(q('flag-listing')?.textContent).toBe('Flag as counterfeit');
    expect(q('listing-status')).toBeNull();
    expect(sent).toEqual([{ ns: 'tdf/1', type: 'lookup', payload: { items: [{ marketplace: 'taobao', itemId: '637145790668' }] } }]);
  });

  it('says when the marketplace reports the listing gone, and still offers to flag it', async () => {
    fakeWorker({ lookup: noAnnotations });
    const { q } = await show({ ...listing, unavailable: true });
    expect(q('listing-unavailable')?.textContent).toContain('no longer available');
    expect(q('flag-listing')).not.toBeNull();
  });

  it('ignores synthetic clicks on flag-listing and flag-submit', async () => {
    const sent = fakeWorker({ lookup: noAnnotations, flagContext: () => flagContext(), flag: () => ({ ok: true, clientRequestIds: ['x'], annotations: [] }) });
    const { q } = await show();
    q('flag-listing')!.click();
    q('flag-listing')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(q('flag-reason')).toBeNull();
    expect(types(sent)).toEqual(['lookup']);

    await trustedClick(q('flag-listing'));
    expect(q('flag-submit')).not.toBeNull();
    q('flag-submit')!.click();
    q('flag-submit')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    // The form asks for its context and the command's keys (its shortcut hint); never a flag.
    expect(types(sent)).toEqual(['lookup', 'flagContext', 'shortcuts']);
  });

  it('opens the form with the API reasons and IP rights, the default preselected', async () => {
    fakeWorker({ lookup: noAnnotations, flagContext: () => flagContext() });
    const { q } = await show();
    await trustedClick(q('flag-listing'));
    const reason = q<HTMLSelectElement>('flag-reason')!;
    const right = q<HTMLSelectElement>('flag-ip-right')!;
    expect([...reason.options].map((o) => o.value)).toEqual(['counterfeit', 'trademark_misuse', 'copyright_image', 'patent', 'other']);
    expect([...reason.options].map((o) => o.textContent)).toContain('Copied images');
    expect(reason.value).toBe('counterfeit');
    expect([...right.options].map((o) => [o.value, o.textContent])).toEqual([
      ['tm-cn-001', 'EXAMPLE word mark (12345678)'],
      ['cr-img-7', 'Product photos 2025'],
    ]);
    expect(right.value).toBe('cr-img-7');
    expect(q<HTMLTextAreaElement>('flag-note')!.maxLength).toBe(2000);
    expect(q('flag-listing')).toBeNull();
  });

  it('queues the request on a trusted submit and shows its state', async () => {
    const sent = fakeWorker({
      lookup: noAnnotations,
      flagContext: () => flagContext(),
      flag: () => ({
        ok: true,
        clientRequestIds: ['c1'],
        annotations: [{ marketplace: 'taobao', itemId: '637145790668', clientRequestId: 'c1', state: 'queued', slaDueAt: null, caseId: null }],
      }),
    });
    const { q, shadow } = await show();
    await trustedClick(q('flag-listing'));
    await change(q<HTMLSelectElement>('flag-reason')!, 'trademark_misuse');
    await change(q<HTMLSelectElement>('flag-ip-right')!, 'tm-cn-001');
    await change(q<HTMLTextAreaElement>('flag-note')!, 'Fake logo on the strap', 'input');
    expect(shadow.querySelector('.count')?.textContent).toBe('22 / 2000');
    await trustedClick(q('flag-submit'));

    expect(sent.at(-1)).toEqual({
      ns: 'tdf/1',
      type: 'flag',
      payload: { listings: [listing], reason: 'trademark_misuse', ipRightId: 'tm-cn-001', note: 'Fake logo on the strap', submitId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) },
    });
    const status = q('listing-status')!;
    expect(status.dataset.state).toBe('queued');
    expect(status.dataset.itemId).toBe('637145790668');
    expect(status.textContent).toContain('SLA clock not started');
    expect(q('flag-submit')).toBeNull();
  });

  it('shows the error and keeps the form as it was when the worker refuses', async () => {
    fakeWorker({ lookup: noAnnotations, flagContext: () => flagContext(), flag: () => ({ ok: false, error: { code: 'invalid_listing', message: 'Title is empty' } }) });
    const { q, shadow } = await show();
    await trustedClick(q('flag-listing'));
    await change(q<HTMLTextAreaElement>('flag-note')!, 'keep me', 'input');
    await trustedClick(q('flag-submit'));
    expect(shadow.querySelector('[role="alert"]')?.textContent).toBe('Could not queue the request: Title is empty');
    expect(q<HTMLTextAreaElement>('flag-note')!.value).toBe('keep me');
    expect(q('listing-status')).toBeNull();
  });

  it('refuses an IP right the worker did not offer (a page script changed the select)', async () => {
    const sent = fakeWorker({ lookup: noAnnotations, flagContext: () => flagContext(), flag: () => ({ ok: true, clientRequestIds: [], annotations: [] }) });
    const { q, shadow } = await show();
    await trustedClick(q('flag-listing'));
    const right = q<HTMLSelectElement>('flag-ip-right')!;
    const forged = document.createElement('option');
    forged.value = 'attacker-right';
    right.append(forged);
    await change(right, 'attacker-right');
    await trustedClick(q('flag-submit'));
    expect(types(sent)).not.toContain('flag');
    expect(shadow.querySelector('[role="alert"]')?.textContent).toBe('Choose a reason and an IP right from the lists.');
  });

  it("says to set up the API when the extension is not configured", async () => {
    fakeWorker({ lookup: noAnnotations, flagContext: () => flagContext({ configured: false, ipRights: [], defaultIpRightId: null }) });
    const { q, shadow } = await show();
    await trustedClick(q('flag-listing'));
    expect(shadow.textContent).toContain("Set up the API in the extension's options");
    expect(q('flag-submit')).toBeNull();
  });

  it('says the extension did not answer when the worker is unreachable', async () => {
    const { q, shadow } = await show(); // no listener: every answer is missing
    expect(q('listing-status')).toBeNull();
    await trustedClick(q('flag-listing'));
    expect(shadow.textContent).toContain('The extension did not answer');
  });

  it('shows an existing request with the SLA time left', async () => {
    fakeWorker({
      lookup: () => ({
        annotations: [{ marketplace: 'taobao', itemId: '637145790668', clientRequestId: 'c9', state: 'in_review', slaDueAt: '2026-03-03T15:12:00.000Z', caseId: 'TD-1' }],
        sellerCounts: {},
      }),
    });
    const { q } = await show();
    const status = q('listing-status')!;
    expect(status.dataset.state).toBe('in_review');
    expect(status.textContent).toContain('In review');
    expect(status.textContent).toContain('5 h 12 min left');
  });

  it('shows a state it has no label for as the service sent it, never as another state', async () => {
    fakeWorker({
      lookup: () => ({
        annotations: [{ marketplace: 'taobao', itemId: '637145790668', clientRequestId: 'c9', state: 'escalated_to_court', slaDueAt: null, caseId: 'TD-1' }],
        sellerCounts: {},
      }),
    });
    const { q } = await show();
    expect(q('listing-status')!.getAttribute('data-state')).toBe('escalated_to_court');
    expect(q('listing-status')!.querySelector('.state')!.textContent).toBe('escalated_to_court');
  });

  it('shows no SLA once the case is resolved', async () => {
    fakeWorker({
      lookup: () => ({
        annotations: [{ marketplace: 'taobao', itemId: '637145790668', clientRequestId: 'c9', state: 'taken_down', slaDueAt: '2026-03-04T00:00:00.000Z', caseId: 'TD-1' }],
        sellerCounts: {},
      }),
    });
    const { q } = await show();
    expect(q('listing-status')!.textContent).toBe('Takedown request:Taken down');
  });

  it('shows the page title as isolated text', async () => {
    fakeWorker({ lookup: noAnnotations });
    const { shadow } = await show();
    const title = shadow.querySelector('.page-text')!;
    expect(title.getAttribute('dir')).toBe('auto');
    expect(title.textContent).toBe(listing.title);
    expect(title.children).toHaveLength(0);
  });

  it('follows the status live after flagging, and then reads "Flagged · case · status"', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let state = 'queued';
      let caseId: string | null = null;
      const annotation = () => ({ marketplace: 'taobao', itemId: '637145790668', clientRequestId: 'c1', state, slaDueAt: caseId ? '2026-03-04T10:00:00.000Z' : null, caseId });
      fakeWorker({ lookup: () => ({ annotations: [annotation()], sellerCounts: {} }) });
      const { q } = await show();
      expect(q('listing-status')!.dataset.state).toBe('queued');
      expect(q('flag-listing')!.textContent).toBe('Flagged · no case yet · Queued');
      state = 'received';
      caseId = 'TD-2026-000123';
      await act(() => void vi.advanceTimersByTime(5_000));
      await settle();
      expect(q('listing-status')!.dataset.state).toBe('received');
      expect(q('flag-listing')!.textContent).toBe('Flagged · case TD-2026-000123 · Received');
      expect(q('flag-listing')!.dataset.flagged).toBe('true');
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks before flagging a listing again, showing the existing case', async () => {
    const existing = { marketplace: 'taobao', itemId: '637145790668', clientRequestId: 'c1', state: 'in_review', slaDueAt: '2026-03-04T10:00:00.000Z', caseId: 'TD-2026-000123' };
    const sent = fakeWorker({ lookup: () => ({ annotations: [existing], sellerCounts: {} }), flagContext: () => flagContext() });
    const { q, shadow } = await show();
    await trustedClick(q('flag-listing'));
    expect(q('flag-reason')).toBeNull();
    expect(shadow.querySelector('.confirm')!.textContent).toContain('This listing already has a request (case TD-2026-000123, In review). Flag it again');
    expect(types(sent)).toEqual(['lookup']);
    await trustedClick(q('flag-again'));
    expect(q('flag-reason')).not.toBeNull();
  });

  it('the keyboard command opens the form, but asks first for a listing that already has a request', async () => {
    const existing = { marketplace: 'taobao', itemId: '637145790668', clientRequestId: 'c1', state: 'in_review', slaDueAt: null, caseId: 'TD-2026-000123' };
    const sent = fakeWorker({ lookup: () => ({ annotations: [existing], sellerCounts: {} }), flagContext: () => flagContext() });
    const { q, shadow } = await show();
    let opened = false;
    await act(() => void (opened = order('flagFocused')!()));
    await settle();
    expect(opened).toBe(true);
    expect(q('flag-reason')).toBeNull();
    expect(shadow.querySelector('.confirm')!.textContent).toContain('case TD-2026-000123, In review');
    expect(types(sent)).toEqual(['lookup']);
    await trustedClick(q('flag-again'));
    expect(q('flag-reason')).not.toBeNull();
  });

  it('asks first when the worker answers that the listing was already reported, then files it again on purpose', async () => {
    const prior = { marketplace: 'taobao', itemId: '637145790668', clientRequestId: 'c1', state: 'received', slaDueAt: null, caseId: 'TD-2026-000777' };
    const flags: RequestOf<'flag'>[] = [];
    const sent = fakeWorker({
      lookup: noAnnotations, // the page did not know yet
      flagContext: () => flagContext(),
      shortcuts: () => ({ commands: [{ name: 'flag-listing', shortcut: '', description: '' }], browser: 'chromium' }),
      flag: (p) => {
        flags.push(p);
        return p.flagAgain?.length
          ? { ok: true, jobId: 'j', clientRequestIds: ['c2'], annotations: [{ ...prior, clientRequestId: 'c2', state: 'capturing', caseId: null }], skipped: [] }
          : { ok: true, jobId: null, clientRequestIds: [], annotations: [], skipped: [prior] };
      },
    });
    const { q } = await show();
    await trustedClick(q('flag-listing'));
    // An unassigned shortcut is shown as such.
    expect(q('shortcut-hint')!.textContent).toContain('Shortcut: no shortcut set');
    await trustedClick(q('flag-submit'));
    expect(q('already-reported')!.textContent).toContain('case TD-2026-000777, Received');
    expect(q('flag-submit')!.textContent).toBe('Flag again');
    expect(q('listing-status')).toBeNull();
    await trustedClick(q('flag-submit'));
    expect(flags.map((f) => f.flagAgain ?? [])).toEqual([[], ['637145790668']]);
    expect(q('flag-reason')).toBeNull();
    expect(types(sent).filter((t) => t === 'flag')).toHaveLength(2);
  });

  it('shows what will be filed, takes focus, closes on Esc and gives focus back to the button', async () => {
    fakeWorker({ lookup: noAnnotations, flagContext: () => flagContext() });
    const { q, shadow } = await show();
    q('flag-listing')!.focus();
    await trustedClick(q('flag-listing'));
    const summary = q('flag-summary')!;
    expect(summary.textContent).toContain('637145790668');
    expect(summary.textContent).toContain('Example官方旗舰店 (2136510393)');
    expect(summary.textContent).toContain('CN¥199.00');
    expect(shadow.activeElement).toBe(q('flag-reason'));
    await act(() => void q('flag-reason')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await settle();
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect(q('flag-reason')).toBeNull();
    expect(shadow.activeElement).toBe(q('flag-listing'));
  });

  it('warns before a batch that would push the good-faith record past the fast-lane line, for the chosen reason', async () => {
    const sent = fakeWorker({
      lookup: noAnnotations,
      flagContext: () => flagContext({ warnings: { copyright_image: [{ kind: 'success', rate: 0.884 }] } }),
    });
    const { q } = await show();
    await trustedClick(q('flag-listing'));
    expect(sent.find((m) => m.type === 'flagContext')!.payload).toEqual({ count: 1 });
    expect(q('flag-good-faith-warning')).toBeNull();
    await change(q<HTMLSelectElement>('flag-reason')!, 'copyright_image');
    expect(q('flag-good-faith-warning')!.textContent).toContain('could bring your 90-day success rate to 88.4%');
  });
});
