import { t } from '../shared/i18n.ts';
import { useFlagShortcut } from './use-shortcut.ts';

/** Shown on the first run (index.html#welcome): what the extension does, and what to set up. */
export function WelcomeSection() {
  const shortcut = useFlagShortcut();
  return (
    <section class="card welcome" data-testid="welcome">
      <h2>{t('options_welcome_heading')}</h2>
      <p>{t('options_welcome_intro')}</p>
      <ol>
        <li>{t('options_welcome_step_screens')}</li>
        <li>{t('options_welcome_step_api')}</li>
        {/* Chrome leaves the suggested keys unassigned when another extension has them. */}
        {shortcut !== undefined && <li>{t('options_welcome_step_flag', shortcut ?? t('capture_shortcut_unset'))}</li>}
      </ol>
    </section>
  );
}

export const isWelcome = (loc: Pick<Location, 'hash'> = location): boolean => loc.hash === '#welcome';
