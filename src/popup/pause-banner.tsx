import type { QueuePause } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { openOptions } from './open-options.ts';

/** The queue is stopped (a refused token) until the settings change: say so and where to fix it. */
export function PauseBanner({ pause }: { pause: QueuePause }) {
  return (
    <div class="banner" role="alert" data-testid="queue-paused">
      <strong>{t('popup_paused_title')}</strong>
      <p>{pause.message}</p>
      <button type="button" class="secondary" onClick={openOptions}>
        {t('popup_open_options')}
      </button>
    </div>
  );
}
