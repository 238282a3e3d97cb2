import { useEffect, useState } from 'preact/hooks';
import type { ItemAnnotation, ResponseOf } from '../shared/messages.ts';
import { LIMITS, Reason, type Listing } from '../shared/model.ts';
import { send } from '../shared/messaging.ts';
import { t } from '../shared/i18n.ts';
import { REASONS, reasonLabel } from './labels.ts';
import { onTrusted } from './trusted.ts';

type Context = ResponseOf<'flagContext'>;

interface Props {
  listings: Listing[];
  onQueued: (annotations: ItemAnnotation[]) => void;
  onCancel: () => void;
  /**
   * Reads what the listings still lack (a seller the card does not show) before anything is
   * filed; throws with the message to show when it cannot, and then nothing is filed.
   */
  complete?: (listings: Listing[]) => Promise<Listing[]>;
}

/**
 * The flag form (hooks flag-reason, flag-ip-right, flag-note, flag-submit). Field changes
 * only edit the form, whoever caused them; the submit acts, so it needs a trusted click,
 * and it re-checks the values against what the worker offered, since page scripts can
 * change the fields of an open shadow root.
 */
export function FlagForm({ listings, onQueued, onCancel, complete }: Props) {
  const [ctx, setCtx] = useState<Context | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [reason, setReason] = useState<string>('counterfeit');
  const [ipRightId, setIpRightId] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send('flagContext', {}).then(
      (c) => {
        if (!live) return;
        setCtx(c);
        setReason(c.defaultReason);
        const preferred = c.ipRights.find((r) => r.id === c.defaultIpRightId) ?? c.ipRights[0];
        setIpRightId(preferred?.id ?? '');
      },
      () => live && setLoadFailed(true),
    );
    return () => void (live = false);
  }, []);

  const cancel = onTrusted(() => onCancel());
  const submit = onTrusted(async () => {
    if (!ctx || busy) return;
    const r = Reason.safeParse(reason);
    if (!r.success || !ctx.ipRights.some((x) => x.id === ipRightId) || note.length > LIMITS.note) {
      setError(t('content_invalid_choice'));
      return;
    }
    setBusy(true);
    setError(null);
    let ready = listings;
    if (complete) {
      setResolving(true);
      try {
        ready = await complete(listings);
      } catch (err) {
        setError((err as Error).message);
        setBusy(false);
        return;
      } finally {
        setResolving(false);
      }
    }
    try {
      const res = await send('flag', { listings: ready, reason: r.data, ipRightId, note });
      if (res.ok) onQueued(res.annotations);
      else setError(t('content_flag_failed', res.error.message));
    } catch {
      setError(t('content_worker_unreachable'));
    } finally {
      setBusy(false);
    }
  });

  if (loadFailed) return <Message text={t('content_worker_unreachable')} error onCancel={cancel} />;
  if (!ctx) return <p class="message">{t('content_loading')}</p>;
  if (!ctx.configured) return <Message text={t('content_not_configured')} onCancel={cancel} />;
  if (!ctx.ipRights.length) return <Message text={t('content_no_ip_rights')} onCancel={cancel} />;

  return (
    <div class="form" role="form" aria-label={t('content_flag_heading')}>
      <label for="tdf-reason">{t('content_reason_label')}</label>
      <select id="tdf-reason" data-testid="flag-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
        {REASONS.map((code) => (
          <option key={code} value={code}>
            {reasonLabel(code)}
          </option>
        ))}
      </select>
      <label for="tdf-ip-right">{t('content_ip_right_label')}</label>
      <select id="tdf-ip-right" data-testid="flag-ip-right" value={ipRightId} onChange={(e) => setIpRightId(e.currentTarget.value)}>
        {ctx.ipRights.map((right) => (
          <option key={right.id} value={right.id}>
            {right.registrationNumber ? `${right.title} (${right.registrationNumber})` : right.title}
          </option>
        ))}
      </select>
      <label for="tdf-note">{t('content_note_label')}</label>
      <textarea
        id="tdf-note"
        data-testid="flag-note"
        maxLength={LIMITS.note}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value.slice(0, LIMITS.note))}
      />
      <span class="count">{t('content_note_count', [String(note.length), String(LIMITS.note)])}</span>
      {resolving && (
        <p class="message" role="status" data-testid="resolving-seller">
          {t('content_resolving_seller')}
        </p>
      )}
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={cancel}>
          {t('content_cancel')}
        </button>
        <button type="button" class="primary" data-testid="flag-submit" disabled={busy} onClick={submit}>
          {busy ? t('content_submitting') : t('content_submit')}
        </button>
      </div>
    </div>
  );
}

function Message({ text, error, onCancel }: { text: string; error?: boolean; onCancel: (e: MouseEvent) => void }) {
  return (
    <div>
      <p class={error ? 'message error' : 'message'} role="status">
        {text}
      </p>
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('content_cancel')}
        </button>
      </div>
    </div>
  );
}
