// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { saveSettings } from '../shared/db/kv.ts';
import { storeCapture } from '../evidence/evidence.test-kit.ts';
import { unzipFiles } from '../evidence/zip.ts';
import { verifyBundle } from '../evidence/verify.ts';
import { popupView } from './view-store.ts';
import { NO_FILTERS } from './groups.ts';
import { clearSelection } from './selection.ts';
import { App } from './app.tsx';
import { waitFor } from '../../test/unit/ui-wait.ts';

let container: HTMLElement;
let downloads: { name: string; blob: Blob }[];

const $ = (sel: string) => container.querySelector<HTMLElement>(sel);
const rowOf = (id: string) => $(`[data-testid="request-row"][data-client-request-id="${id}"]`)!;


async function mount() {
  await act(() => render(<App />, container));
  await waitFor(() => $('[data-testid="request-row"]'), 'the rows');
}

beforeEach(async () => {
  popupView.setState({ now: Date.parse('2026-11-20T02:00:00.000Z'), filters: NO_FILTERS, answering: null });
  clearSelection();
  container = document.createElement('div');
  document.body.append(container);
  await saveSettings({ baseUrl: 'http://127.0.0.1:8787', token: 'tok' });
  downloads = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});

afterEach(async () => {
  await act(() => render(null, container));
  container.remove();
  vi.restoreAllMocks();
});

const zipOf = async (blob: Blob) => unzipFiles(new Uint8Array(await blob.arrayBuffer()));

describe('popup exports', () => {
  it('downloads one request’s evidence bundle from its row', async () => {
    await storeCapture();
    const { record } = await storeCapture({ caseId: 'TD-2026-000009', caseStatus: 'received', slaDueAt: '2026-11-21T02:00:00.000Z' });
    await mount();
    await act(() => rowOf(record.clientRequestId).querySelector<HTMLButtonElement>('[data-testid="export-bundle"]')!.click());
    await waitFor(() => downloads.length === 1, 'the download');
    expect(downloads[0]!.name).toBe('evidence-TD-2026-000009.zip');
    expect(downloads[0]!.blob.type).toBe('application/zip');
    const files = await zipOf(downloads[0]!.blob);
    expect([...files.keys()].filter((p) => p.startsWith('manifests/'))).toHaveLength(2);
    expect((await verifyBundle(files)).ok).toBe(true);
  });

  it('downloads the ticked requests as one bundle', async () => {
    const a = await storeCapture();
    const b = await storeCapture();
    await storeCapture();
    await mount();
    const selected = $('[data-testid="export-selected"]') as HTMLButtonElement;
    expect(selected.disabled).toBe(true);
    for (const id of [a.record.clientRequestId, b.record.clientRequestId]) {
      await act(() => rowOf(id).querySelector<HTMLInputElement>('[data-testid="select-request"]')!.click());
    }
    expect(selected.dataset.count).toBe('2');
    expect(selected.textContent).toBe('Export selected (2)');
    await act(() => selected.click());
    await waitFor(() => downloads.length === 1, 'the download');
    expect(downloads[0]!.name).toBe('evidence-2-requests.zip');
    const files = await zipOf(downloads[0]!.blob);
    const filed = JSON.parse(new TextDecoder().decode(files.get('requests.json'))) as { requests: { clientRequestId: string }[] };
    expect(filed.requests.map((r) => r.clientRequestId).sort()).toEqual([a.record.clientRequestId, b.record.clientRequestId].sort());
  });

  it('exports the rows the search leaves as CSV, with formula titles neutralised', async () => {
    await storeCapture({ listing: { itemId: '600000000777', title: '=HYPERLINK("https://evil.example","点击")' } });
    await storeCapture({ listing: { itemId: '600000000888', title: 'Example 经典帆布双肩包' } });
    await mount();
    const input = $('[data-testid="request-search"]') as HTMLInputElement;
    await act(() => {
      input.value = '777';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => $('[data-testid="export-csv"]')!.click());
    await waitFor(() => downloads.length > 0, 'the download');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^takedown-requests-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await downloads[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"600000000777"');
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""点击"")"`);
    expect(text).not.toContain('600000000888');
  });
});
