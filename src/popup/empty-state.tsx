import { t } from '../shared/i18n.ts';
import { openOptions } from './open-options.ts';

/** No requests yet: say how to make one, and to configure the API first when it is not. */
export function EmptyState({ configured }: { configured: boolean }) {
  return (
    <div class="empty" data-testid="popup-empty">
      <h2>{t('popup_empty_title')}</h2>
      {!configured && (
        <p>
          {t('popup_empty_configure')}{' '}
          <button type="button" class="secondary" onClick={openOptions}>
            {t('popup_open_options')}
          </button>
        </p>
      )}
      <p class="muted">{t('popup_empty_howto')}</p>
    </div>
  );
}
