import type { Settings } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { formatDateTime } from '../ui/format.ts';

function describe(settings: Settings): string {
  const { connection, me } = settings;
  if (connection.state === 'ok' && me) return t('options_conn_ok', me.member.name);
  return connection.message || t('options_conn_unknown');
}

/** Automation hook `connection-status`: data-state ok|error|unknown and the reason in words. */
export function ConnectionStatus({ settings, testing }: { settings: Settings; testing: boolean }) {
  const state = testing ? 'unknown' : settings.connection.state;
  const at = testing ? null : settings.connection.at;
  return (
    <div data-testid="connection-status" data-state={state} role="status" class={`connection status-${state}`}>
      <span>{testing ? t('options_conn_testing') : describe(settings)}</span>
      {at && <span class="muted small"> {t('options_conn_checked', formatDateTime(at))}</span>}
    </div>
  );
}
