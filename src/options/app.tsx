import { useEffect } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { useSettings } from './use-settings.ts';
import { optionsView } from './view-store.ts';
import { ApiSection } from './api-section.tsx';
import { DefaultsSection } from './defaults-section.tsx';
import { ScreenshotsSection } from './screenshots-section.tsx';
import { TsaSection } from './tsa-section.tsx';
import { CaptureSection } from './capture-section.tsx';
import { ShortcutsSection } from './shortcuts-section.tsx';
import { WelcomeSection, isWelcome } from './welcome-section.tsx';

export function App() {
  const { settings, reload } = useSettings();
  useEffect(() => {
    if (settings && !optionsView.getState().filled) {
      optionsView.setState({ baseUrl: settings.baseUrl, token: settings.token, filled: true });
    }
  }, [settings]);
  if (!settings) return null;
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      {/* First run: the welcome, then the screenshot permission first, with its reason. */}
      {isWelcome() && <WelcomeSection />}
      {isWelcome() && <ScreenshotsSection />}
      <ApiSection settings={settings} reload={reload} />
      <DefaultsSection settings={settings} />
      <TsaSection settings={settings} />
      {!isWelcome() && <ScreenshotsSection />}
      {!isWelcome() && <CaptureSection settings={settings} />}
      <ShortcutsSection />
    </main>
  );
}
