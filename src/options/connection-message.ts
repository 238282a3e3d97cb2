import type { ApiFailure } from '../shared/api/client.ts';
import { t } from '../shared/i18n.ts';

/** What a failed `GET /v1/me` means for the person at the options page. */
export function connectionMessage(failure: ApiFailure, baseUrl: string): string {
  switch (failure.kind) {
    case 'unauthorized':
      return t('options_conn_unauthorized');
    case 'forbidden':
      return t('options_conn_forbidden', failure.message);
    case 'rate_limited':
      return t('options_conn_rate_limited');
    case 'not_found':
      return t('options_conn_not_found', baseUrl);
    default:
      if (failure.status === null) return t('options_conn_unreachable', [baseUrl, failure.message]);
      return t('options_conn_failed', [String(failure.status), failure.message]);
  }
}
