import type { Settings } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { useStore } from '../ui/use-store.ts';
import { optionsView } from './view-store.ts';
import { saveAndTest } from './save-settings.ts';
import { ConnectionStatus } from './connection-status.tsx';
import { saveTsaUrls } from './tsa-section.tsx';

async function onSubmit(e: Event, reload: () => void) {
  e.preventDefault();
  const { baseUrl, token, busy } = optionsView.getState();
  if (busy) return;
  // Before any await: the TSAs' host-permission prompt needs this click.
  const tsaSaved = saveTsaUrls();
  optionsView.setState({ busy: true, fieldError: null });
  try {
    await tsaSaved;
    const outcome = await saveAndTest({ baseUrl, token });
    if (outcome.ok) optionsView.setState({ baseUrl: outcome.settings.baseUrl, token: outcome.settings.token });
    else optionsView.setState({ fieldError: { field: outcome.field, message: outcome.message } });
  } finally {
    optionsView.setState({ busy: false });
    reload();
  }
}

export function ApiSection({ settings, reload }: { settings: Settings; reload: () => void }) {
  const view = useStore(optionsView, (s) => s);
  const error = (field: 'baseUrl' | 'token') =>
    view.fieldError?.field === field ? (
      <p class="field-error" id={`${field}-error`} role="alert">
        {view.fieldError.message}
      </p>
    ) : null;
  const tokenProps = {
    'data-testid': 'api-token',
    spellcheck: false,
    autocomplete: 'off',
    value: view.token,
    'aria-invalid': view.fieldError?.field === 'token',
    'aria-describedby': view.fieldError?.field === 'token' ? 'token-error' : undefined,
    onInput: (e: Event) => optionsView.setState({ token: (e.currentTarget as HTMLInputElement).value }),
  };
  return (
    <section class="card">
      <h2>{t('options_api_heading')}</h2>
      <p class="muted">{t('options_api_intro')}</p>
      <form onSubmit={(e) => onSubmit(e, reload)} novalidate>
        <label class="field">
          <span>{t('options_base_url_label')}</span>
          <input
            type="url"
            data-testid="api-base-url"
            placeholder="https://api.alliance.example"
            spellcheck={false}
            autocomplete="url"
            value={view.baseUrl}
            aria-invalid={view.fieldError?.field === 'baseUrl'}
            aria-describedby={view.fieldError?.field === 'baseUrl' ? 'baseUrl-error' : undefined}
            onInput={(e) => optionsView.setState({ baseUrl: e.currentTarget.value })}
          />
          {error('baseUrl')}
        </label>
        <label class="field">
          <span>{t('options_token_label')}</span>
          <span class="token-row">
            {view.showToken ? <input type="text" {...tokenProps} /> : <input type="password" {...tokenProps} />}
            <button
              type="button"
              class="secondary"
              aria-pressed={view.showToken}
              data-testid="toggle-token"
              onClick={() => optionsView.setState({ showToken: !view.showToken })}
            >
              {t(view.showToken ? 'options_token_hide' : 'options_token_show')}
            </button>
          </span>
          {error('token')}
        </label>
        <div class="actions">
          <button type="submit" data-testid="save-settings" disabled={view.busy}>
            {t(view.busy ? 'options_saving' : 'options_save')}
          </button>
        </div>
      </form>
      <ConnectionStatus settings={settings} testing={view.busy} />
    </section>
  );
}
