import { useState } from 'preact/hooks';
import type { Settings } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { saveSettings } from '../shared/db/kv.ts';

/**
 * How a flag's evidence is captured when its tab is not on screen: screenshots see only the
 * tab in front, so either the capture waits for it (default) or brings it there for a moment;
 * and what happens to a request whose tab was closed before its screenshot.
 */
export function CaptureSection({ settings }: { settings: Settings }) {
  const [saved, setSaved] = useState(false);
  const save = (patch: Partial<Settings>) => {
    setSaved(false);
    void saveSettings(patch).then(() => setSaved(true));
  };
  return (
    <section class="card">
      <h2>{t('options_capture_heading')}</h2>
      <label class="field">
        <input
          type="checkbox"
          data-testid="capture-bring-to-front"
          checked={settings.captureBringToFront}
          onChange={(e) => save({ captureBringToFront: e.currentTarget.checked })}
        />
        <span>{t('options_capture_front')}</span>
      </label>
      <label class="field">
        <span>{t('options_capture_impossible')}</span>
        <select
          data-testid="capture-when-impossible"
          value={settings.captureWhenImpossible}
          onChange={(e) => save({ captureWhenImpossible: e.currentTarget.value === 'send' ? 'send' : 'hold' })}
        >
          <option value="hold">{t('options_capture_hold')}</option>
          <option value="send">{t('options_capture_send')}</option>
        </select>
      </label>
      <p role="status" class="muted small">
        {saved && t('options_saved')}
      </p>
    </section>
  );
}
