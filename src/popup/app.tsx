import { useEffect } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { useStore } from '../ui/use-store.ts';
import { useStoredData } from './use-stored-data.ts';
import { useOnline } from './use-online.ts';
import { countCapturing, countQueued } from './groups.ts';
import { CapturingBar, QueueSummary, SendNowButton } from './queue-summary.tsx';
import { PauseBanner } from './pause-banner.tsx';
import { SiteAccessBanner } from './site-access-banner.tsx';
import { EmptyState } from './empty-state.tsx';
import { RequestList } from './request-list.tsx';
import { FilterBar } from './filter-bar.tsx';
import { lazyComponent } from '../ui/lazy.tsx';
import { popupView } from './view-store.ts';

// Not needed for the first rows: loaded just after them (the answer form brings the evidence
// format and zod; the good-faith record needs the complete read anyway).
const GoodFaithPanel = lazyComponent(() => import('./good-faith-panel.tsx').then((m) => m.GoodFaithPanel), () => <div class="stats-placeholder" />);
const RespondDialog = lazyComponent(() => import('./respond-dialog.tsx').then((m) => m.RespondDialog));

export function App() {
  const stored = useStoredData();
  const online = useOnline();
  const answering = useStore(popupView, (s) => s.answering);
  const ready = stored.status === 'ready';
  useEffect(() => {
    if (!ready) return;
    GoodFaithPanel.preload();
    RespondDialog.preload();
  }, [ready]);
  if (stored.status === 'loading') return <p class="muted pad">{t('popup_loading')}</p>;
  if (stored.status === 'failed') return <p class="status-error pad">{t('popup_load_failed', stored.error)}</p>;
  const { records, pause, settings, complete } = stored.data;
  const queued = countQueued(records);
  const configured = Boolean(settings?.baseUrl && settings.token);
  const answerFor = answering ? records.find((r) => r.clientRequestId === answering) : undefined;
  // The first paint has no settings yet: the IP rights to resend under come a moment later.
  const ipRights = settings?.me?.ipRights ?? [];
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{t('popup_title')}</h1>
        <QueueSummary queued={queued} online={online} />
        <SendNowButton queued={queued} />
        <CapturingBar capturing={countCapturing(records)} />
      </header>
      <SiteAccessBanner />
      {pause && <PauseBanner pause={pause} />}
      {records.length === 0 ? (
        <EmptyState configured={configured} />
      ) : (
        <>
          {/* The record needs the whole history: it appears with the full read, a moment after the first rows. */}
          {complete ? <GoodFaithPanel records={records} /> : <div class="stats-placeholder" />}
          <FilterBar records={records} ipRights={ipRights} />
          <RequestList records={records} pause={pause} ipRights={ipRights} />
        </>
      )}
      {answerFor && <RespondDialog record={answerFor} />}
    </main>
  );
}
