import { t } from '../shared/i18n.ts';
import { useStoredData } from './use-stored-data.ts';
import { useOnline } from './use-online.ts';
import { countQueued } from './rows.ts';
import { QueueSummary, SendNowButton } from './queue-summary.tsx';
import { PauseBanner } from './pause-banner.tsx';
import { EmptyState } from './empty-state.tsx';
import { RequestList, SearchBox } from './request-list.tsx';

export function App() {
  const stored = useStoredData();
  const online = useOnline();
  if (stored.status === 'loading') return <p class="muted pad">{t('popup_loading')}</p>;
  if (stored.status === 'failed') return <p class="status-error pad">{t('popup_load_failed', stored.error)}</p>;
  const { records, pause, settings } = stored.data;
  const queued = countQueued(records);
  const configured = Boolean(settings.baseUrl && settings.token);
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{t('popup_title')}</h1>
        <QueueSummary queued={queued} online={online} />
        <SendNowButton queued={queued} />
      </header>
      {pause && <PauseBanner pause={pause} />}
      {records.length === 0 ? (
        <EmptyState configured={configured} />
      ) : (
        <>
          <SearchBox />
          <RequestList records={records} pause={pause} ipRights={settings.me?.ipRights ?? []} />
        </>
      )}
    </main>
  );
}
