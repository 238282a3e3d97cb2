import { getMe, type ApiFailure } from '../shared/api/client.ts';
import type { Me, Settings } from '../shared/model.ts';
import { t, type MessageKey } from '../shared/i18n.ts';
import { getSettings, saveSettings } from '../shared/db/kv.ts';
import { send } from '../shared/messaging.ts';
import { parseBaseUrl, type BaseUrlProblem } from '../shared/api/base-url.ts';
import { connectionMessage } from './connection-message.ts';

export type SaveOutcome = { ok: false; field: 'baseUrl' | 'token'; message: string } | { ok: true; settings: Settings };

const PROBLEM_KEYS: Record<BaseUrlProblem, MessageKey> = {
  empty: 'options_base_url_empty',
  not_absolute: 'options_base_url_not_absolute',
  scheme: 'options_base_url_scheme',
  https_required: 'options_base_url_https_required',
  credentials: 'options_base_url_credentials',
  query: 'options_base_url_query',
  fragment: 'options_base_url_fragment',
};

/** The stored default stays if the service still offers it; otherwise the first right. */
function pickDefault(current: string | null, me: Me): string | null {
  if (current && me.ipRights.some((r) => r.id === current)) return current;
  return me.ipRights[0]?.id ?? null;
}

async function testConnection(baseUrl: string, token: string) {
  try {
    return await getMe({ baseUrl, token });
  } catch (err) {
    // The client answers failures as values; this is only a belt for a thrown bug.
    const failure: ApiFailure = { ok: false, kind: 'transient', status: null, code: 'network', message: (err as Error).message, retryAfterMs: null };
    return failure;
  }
}

/**
 * Validates and stores the connection settings, tests them with `GET /v1/me`, stores what
 * the service said, and tells the worker (which resumes a queue paused for a bad token).
 */
export async function saveAndTest(draft: { baseUrl: string; token: string }): Promise<SaveOutcome> {
  const url = parseBaseUrl(draft.baseUrl);
  if (!url.ok) return { ok: false, field: 'baseUrl', message: t(PROBLEM_KEYS[url.problem]) };
  const token = draft.token.trim();
  if (!token) return { ok: false, field: 'token', message: t('options_token_empty') };
  if (/\s/.test(token)) return { ok: false, field: 'token', message: t('options_token_spaces') };

  const { baseUrl } = url;
  await saveSettings({ baseUrl, token, connection: { state: 'unknown', message: t('options_conn_testing'), at: null } });
  const result = await testConnection(baseUrl, token);
  // The worker hears of the new settings before the page shows the result: a user who reads
  // "Connected" and closes the tab at once must find the paused queue resumed.
  try {
    await send('settingsChanged', {});
  } catch {
    // The worker also re-reads settings when it next wakes; nothing is lost if it is not up.
  }
  const at = new Date().toISOString();
  let settings: Settings;
  if (result.ok) {
    const me = result.data;
    const { defaultIpRightId } = await getSettings();
    settings = await saveSettings({
      me,
      defaultIpRightId: pickDefault(defaultIpRightId, me),
      connection: { state: 'ok', message: t('options_conn_ok', me.member.name), at },
    });
  } else {
    settings = await saveSettings({ connection: { state: 'error', message: connectionMessage(result, baseUrl), at } });
  }
  return { ok: true, settings };
}
