import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { timeZoneFor } from '../shared/sla.ts';
import { formatDateTime, formatMoney } from '../ui/format.ts';
import { marketLabel, reasonLabel, stateLabel } from './labels.ts';
import { reportEntries, type ReportEntry } from './report-data.ts';
import { ReportStamp } from './report-stamp.tsx';
import { ReportAnswer } from './report-answer.tsx';
import { ReportHashes } from './report-hashes.tsx';
import { displayState } from '../shared/model.ts';

type State = { kind: 'loading' } | { kind: 'ready'; entries: ReportEntry[] } | { kind: 'failed'; error: string };

/** A time in the UI language, in the marketplace's zone and in UTC: the two a reader may need. */
function Time({ iso, zone }: { iso: string | null; zone: string }) {
  if (!iso) return <>—</>;
  return (
    <>
      {formatDateTime(iso, zone)} ({zone}) · <span class="mono">{iso}</span>
    </>
  );
}

function Entry({ entry }: { entry: ReportEntry }) {
  const { record: r } = entry;
  const l = r.listing;
  const zone = timeZoneFor(l.marketplace, l.url);
  const [shot, setShot] = useState<string | null>(null);
  useEffect(() => {
    if (!entry.screenshot) return;
    const url = URL.createObjectURL(entry.screenshot.blob);
    setShot(url);
    return () => URL.revokeObjectURL(url);
  }, [entry]);
  const rows: [string, preact.ComponentChildren][] = [
    [t('report_listing'), <span class="page-text" dir="auto">{l.title}</span>],
    [t('report_url'), <span class="mono break">{l.url}</span>],
    [t('report_marketplace_item'), `${marketLabel(l.marketplace)} · ${l.itemId}`],
    [t('report_seller'), <span class="page-text" dir="auto">{l.seller.id ? `${l.seller.name} (${l.seller.id})` : l.seller.name}</span>],
    [t('report_price'), l.price ? formatMoney(l.price.amount, l.price.currency) : '—'],
    [t('report_reason'), `${reasonLabel(r.reason)} · ${r.ipRightId}`],
    [t('report_case'), r.caseId ? `${r.caseId} · ${stateLabel(displayState(r, false))}` : stateLabel(displayState(r, false))],
    [t('report_flagged_at'), <Time iso={r.flaggedAt} zone={zone} />],
    [t('report_captured_at'), <Time iso={entry.manifest?.capturedAt ?? entry.screenshot?.ref.capturedAt ?? null} zone={zone} />],
  ];
  if (r.note) rows.push([t('report_note'), <span dir="auto">{r.note}</span>]);
  if (r.resolution) rows.push([t('report_outcome'), r.resolution.message]);
  return (
    <article class="entry" data-testid="report-entry" data-client-request-id={r.clientRequestId}>
      <h2 class="page-text" dir="auto">
        {r.caseId ?? l.itemId}
      </h2>
      <dl class="facts">
        {rows.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      {shot ? <img class="shot" src={shot} alt={t('report_screenshot_alt', l.title)} /> : <p class="muted">{t('report_no_screenshot')}</p>}
      <h3>{t('report_hashes')}</h3>
      <ReportHashes evidence={r.evidence} />
      {r.evidenceGaps.length > 0 && <p class="gaps">{t('popup_evidence_gaps', r.evidenceGaps.map((g) => g.message).join('; '))}</p>}
      <h3>{t('report_chain')}</h3>
      {entry.manifest ? (
        <p data-testid="report-chain">
          {entry.manifest.position !== null ? t('report_chain_position', String(entry.manifest.position)) : t('report_chain_broken')}{' '}
          {t('report_manifest')} <span class="mono break">{entry.manifest.sha256}</span>
          {entry.manifest.previous && (
            <>
              {' · '}
              {t('report_previous')} <span class="mono break">{entry.manifest.previous}</span>
            </>
          )}
        </p>
      ) : (
        <p class="muted">{t('report_no_manifest')}</p>
      )}
      <h3>{t('report_timestamps')}</h3>
      <ReportStamp entry={entry} zone={zone} />
      <ReportAnswer entry={entry} zone={zone} />
    </article>
  );
}

/** The printable evidence report of one request or a selection (the browser saves it as PDF). */
export function ReportPage({ ids }: { ids: string[] }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    reportEntries(ids).then(
      (entries) => setState({ kind: 'ready', entries }),
      (err: unknown) => setState({ kind: 'failed', error: (err as Error).message }),
    );
  }, []);
  return (
    <main class="report">
      <header class="report-head">
        <h1>{t('report_title')}</h1>
        <button type="button" class="no-print" onClick={() => window.print()}>
          {t('report_print')}
        </button>
      </header>
      <p class="muted">{t('report_made_at', formatDateTime(new Date().toISOString()))}</p>
      {state.kind === 'loading' && <p>{t('popup_loading')}</p>}
      {state.kind === 'failed' && <p class="status-error">{t('popup_load_failed', state.error)}</p>}
      {state.kind === 'ready' && state.entries.length === 0 && <p>{t('report_nothing')}</p>}
      {state.kind === 'ready' && state.entries.map((e) => <Entry key={e.record.clientRequestId} entry={e} />)}
    </main>
  );
}
