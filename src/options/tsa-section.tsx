import { useEffect } from 'preact/hooks';
import { createStore } from 'zustand/vanilla';
import { t } from '../shared/i18n.ts';
import { ext } from '../shared/browser.ts';
import { saveSettings } from '../shared/db/kv.ts';
import type { Settings } from '../shared/model.ts';
import { parseTsaUrls, SUGGESTED_TSAS } from '../shared/tsa-urls.ts';
import { useStore } from '../ui/use-store.ts';

/** The textarea's draft and what the last save said about it. */
interface TsaView {
  draft: string;
  filled: boolean;
  error: string | null;
}
export const tsaView = createStore<TsaView>()(() => ({ draft: '', filled: false, error: null }));

/**
 * Saves the TSA list; called from the Save button's click (save-settings). The host
 * permission for each TSA's origin is requested before any await, because Chrome grants it
 * only inside the user's click. A refusal or a bad line keeps the draft and says why.
 */
export function saveTsaUrls(): Promise<boolean> {
  const parsed = parseTsaUrls(tsaView.getState().draft);
  if (!parsed.ok) {
    tsaView.setState({ error: t('options_tsa_bad_line', [String(parsed.line), parsed.text]) });
    return Promise.resolve(false);
  }
  const granted = parsed.origins.length ? ext.permissions.request({ origins: parsed.origins }).catch(() => false) : Promise.resolve(true);
  return granted.then(async (ok) => {
    if (!ok) {
      tsaView.setState({ error: t('options_tsa_denied') });
      return false;
    }
    const next = await saveSettings({ tsaUrls: parsed.urls });
    tsaView.setState({ draft: next.tsaUrls.join('\n'), error: null });
    return true;
  });
}

function addSuggestion(url: string) {
  const { draft } = tsaView.getState();
  const lines = draft.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!lines.includes(url)) tsaView.setState({ draft: [...lines, url].join('\n') });
}

/** Trusted timestamps: which TSAs stamp each capture manifest (shared/spec/timestamps.md). */
export function TsaSection({ settings }: { settings: Settings }) {
  const view = useStore(tsaView, (s) => s);
  useEffect(() => {
    if (!tsaView.getState().filled) tsaView.setState({ draft: settings.tsaUrls.join('\n'), filled: true });
  }, [settings]);
  const listed = new Set(view.draft.split('\n').map((l) => l.trim()));
  return (
    <section class="card">
      <h2>{t('options_tsa_heading')}</h2>
      <p class="muted">{t('options_tsa_intro')}</p>
      <label class="field">
        <span>{t('options_tsa_label')}</span>
        <textarea
          data-testid="tsa-urls"
          rows={3}
          spellcheck={false}
          placeholder="https://tsa.example/tsr"
          value={view.draft}
          aria-invalid={view.error !== null}
          aria-describedby={view.error ? 'tsa-error' : undefined}
          onInput={(e) => tsaView.setState({ draft: e.currentTarget.value })}
        />
        {view.error && (
          <p class="field-error" id="tsa-error" role="alert">
            {view.error}
          </p>
        )}
      </label>
      <p class="muted">{t('options_tsa_suggested')}</p>
      <ul class="tsa-suggestions">
        {SUGGESTED_TSAS.map((s) => (
          <li key={s.url}>
            <button type="button" class="secondary" data-testid="tsa-suggest" data-url={s.url} disabled={listed.has(s.url)} onClick={() => addSuggestion(s.url)}>
              {t('options_tsa_add', s.name)}
            </button>{' '}
            <code>{s.url}</code>
          </li>
        ))}
      </ul>
      <p class="muted">{t('options_tsa_permission')}</p>
    </section>
  );
}
