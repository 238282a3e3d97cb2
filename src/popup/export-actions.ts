import type { TakedownRecord } from '../shared/model.ts';
import { collectBundle } from '../evidence/collect.ts';
import { bundleFileName, bundleFiles } from '../evidence/bundle.ts';
import { zipFiles } from '../evidence/zip.ts';
import { requestsCsv } from '../evidence/csv.ts';
import { download } from './download.ts';
import { marketLabel, reasonLabel, stateLabel } from './labels.ts';

/** Builds the evidence bundle of these requests from IndexedDB and downloads it. */
export async function exportBundle(clientRequestIds: readonly string[]): Promise<{ missing: number }> {
  const input = await collectBundle(clientRequestIds);
  if (input.requests.length === 0) throw new Error('the request is no longer stored');
  const zip = zipFiles(await bundleFiles(input));
  download(zip, bundleFileName(input.requests), 'application/zip');
  return { missing: input.missing.length };
}

export function exportCsv(records: readonly TakedownRecord[], paused: boolean, now: Date): void {
  download(requestsCsv(records, { paused, labels: { state: stateLabel, reason: reasonLabel, marketplace: marketLabel } }), `takedown-requests-${now.toISOString().slice(0, 10)}.csv`, 'text/csv;charset=utf-8');
}
