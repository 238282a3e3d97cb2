import type { QueuePause } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { openOptions } from './open-options.ts';

/**
 * The queue is stopped (a refused token) until the settings change: say so in our words and
 * where to fix it. The service's own message can be anything ("Unknown token.", a proxy's
 * text), so it is shown as detail, never as the only explanation.
 */
export function PauseBanner({ pause }: { pause: QueuePause }) {
  const ours = t('popup_paused_unauthorized');
  return (
    <div class="banner" role="alert" data-testid="queue-paused">
      <strong>{t('popup_paused_title')}</strong>
      <p>{ours}</p>
      {pause.message && pause.message !== ours && <p class="detail">{t('popup_paused_detail', pause.message)}</p>}
      <button type="button" class="secondary" onClick={openOptions}>
        {t('popup_open_options')}
      </button>
    </div>
  );
}
