import { useEffect, useState } from 'preact/hooks';
import { ALL_URLS, ext } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { useFlagShortcut } from './use-shortcut.ts';

/** Chrome's captureVisibleTab needs <all_urls>; it is optional, asked for here with the reason. */
export function ScreenshotsSection() {
  const shortcut = useFlagShortcut();
  const [granted, setGranted] = useState<boolean | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    let alive = true;
    const check = () =>
      void ext.permissions.contains(ALL_URLS).then((has) => {
        if (alive) setGranted(has);
      });
    check();
    ext.permissions.onAdded.addListener(check);
    ext.permissions.onRemoved.addListener(check);
    return () => {
      alive = false;
      ext.permissions.onAdded.removeListener(check);
      ext.permissions.onRemoved.removeListener(check);
    };
  }, []);
  // No await before request(): Chrome grants it only inside the user's click.
  const onGrant = () => {
    setDenied(false);
    void ext.permissions.request(ALL_URLS).then(
      (ok) => {
        setGranted(ok);
        setDenied(!ok);
      },
      () => setDenied(true),
    );
  };
  return (
    <section class="card">
      <h2>{t('options_screens_heading')}</h2>
      <p class="muted">{t('options_screens_intro')}</p>
      <p data-testid="screenshot-permission" data-granted={granted === null ? '' : String(granted)} class={granted ? 'status-ok' : 'status-unknown'}>
        {granted === null ? t('options_screens_checking') : t(granted ? 'options_screens_granted' : 'options_screens_missing')}
      </p>
      {granted === false && (
        <button type="button" data-testid="grant-screenshots" onClick={onGrant}>
          {t('options_screens_grant')}
        </button>
      )}
      {denied && <p class="field-error">{t('options_screens_denied')}</p>}
      {granted === false && shortcut && <p class="muted">{t('options_screens_shortcut', shortcut)}</p>}
    </section>
  );
}
