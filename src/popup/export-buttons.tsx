import { useState } from 'preact/hooks';
import type { TakedownRecord } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { useStore } from '../ui/use-store.ts';
import { openReport } from './open-report.ts';
import { selection, toggleSelected } from './selection.ts';

// The bundle's zip, hashes and CSV writer load when an export is asked for, not with the rows.
const exportActions = () => import('./export-actions.ts');

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'note'; text: string } | { kind: 'failed'; text: string };

/** Runs one bundle export at a time per button and says what went wrong, if anything. */
function useBundleExport() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = async (ids: readonly string[]) => {
    setStatus({ kind: 'busy' });
    try {
      const { missing } = await (await exportActions()).exportBundle(ids);
      setStatus(missing > 0 ? { kind: 'note', text: t('popup_export_missing') } : { kind: 'idle' });
    } catch (err) {
      setStatus({ kind: 'failed', text: t('popup_export_failed', (err as Error).message) });
    }
  };
  return { status, run };
}

function StatusText({ status }: { status: Status }) {
  if (status.kind !== 'note' && status.kind !== 'failed') return null;
  return (
    <span role="status" class={status.kind === 'failed' ? 'status-error small' : 'gaps small'}>
      {status.text}
    </span>
  );
}

export function ExportBundleButton({ id, tabIndex = 0 }: { id: string; tabIndex?: number }) {
  const { status, run } = useBundleExport();
  return (
    <span class="export-bundle">
      <button type="button" class="secondary" data-testid="export-bundle" tabIndex={tabIndex} title={t('popup_export_bundle_title')} disabled={status.kind === 'busy'} onClick={() => run([id])}>
        {t(status.kind === 'busy' ? 'popup_export_busy' : 'popup_export_bundle')}
      </button>
      <StatusText status={status} />
    </span>
  );
}

export function ReportButton({ id, tabIndex = 0 }: { id: string; tabIndex?: number }) {
  return (
    <button type="button" class="secondary" data-testid="open-report" tabIndex={tabIndex} title={t('popup_report_title')} onClick={() => openReport([id])}>
      {t('popup_report')}
    </button>
  );
}

export function RowSelect({ id, tabIndex = 0 }: { id: string; tabIndex?: number }) {
  const checked = useStore(selection, (s) => s.ids.has(id));
  return (
    <input
      type="checkbox"
      class="row-select"
      data-testid="select-request"
      tabIndex={tabIndex}
      data-client-request-id={id}
      aria-label={t('popup_select_request')}
      checked={checked}
      onChange={(e) => toggleSelected(id, e.currentTarget.checked)}
    />
  );
}

/**
 * "Export selected" bundles the ticked requests that still exist, in list order; "Export CSV"
 * writes the rows the search leaves, all of them (not only the rendered ones).
 */
export function ExportBar({ records, shown, paused }: { records: readonly TakedownRecord[]; shown: readonly TakedownRecord[]; paused: boolean }) {
  const ids = useStore(selection, (s) => s.ids);
  const selected = records.filter((r) => ids.has(r.clientRequestId)).map((r) => r.clientRequestId);
  const { status, run } = useBundleExport();
  return (
    <div class="export-bar small">
      <button type="button" class="secondary" data-testid="export-selected" data-count={String(selected.length)} disabled={selected.length === 0 || status.kind === 'busy'} onClick={() => run(selected)}>
        {t(status.kind === 'busy' ? 'popup_export_busy' : 'popup_export_selected', String(selected.length))}
      </button>
      <button type="button" class="secondary" data-testid="report-selected" disabled={selected.length === 0} onClick={() => openReport(selected)}>
        {t('popup_report_selected', String(selected.length))}
      </button>
      <button type="button" class="secondary" data-testid="export-csv" disabled={shown.length === 0} onClick={() => void exportActions().then((m) => m.exportCsv(shown, paused, new Date()))}>
        {t('popup_export_csv')}
      </button>
      <StatusText status={status} />
    </div>
  );
}
