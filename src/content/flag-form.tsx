import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { ItemAnnotation, ResponseOf } from '../shared/messages.ts';
import type { Listing } from '../shared/model.ts';
import { LIMITS } from '../shared/limits.ts';
import { askWorker } from './ask-worker.ts';
import { t, uiLocale } from '../shared/i18n.ts';
import { isReason, REASONS, reasonLabel } from './labels.ts';
import { onTrusted } from './trusted.ts';
import { newSubmitId, sendFlag } from './submit-flag.ts';
import { AlreadyReported } from './already-reported.tsx';
import { ShortcutHint } from './shortcut-hint.tsx';

type Context = ResponseOf<'flagContext'>;

type Queued = Extract<ResponseOf<'flag'>, { ok: true }>;

interface Props {
  listings: Listing[];
  /** Items the user chose to flag again although they already have a request. */
  flagAgain?: string[];
  /** `filed`: the listings as filed (sellers read at flag time filled in). */
  onQueued: (annotations: ItemAnnotation[], filed: Listing[], answer: Queued) => void;
  onCancel: () => void;
  /**
   * Reads what the listings still lack (a seller the card does not show) before anything is
   * filed; throws with the message to show when it cannot, and then nothing is filed.
   */
  complete?: (listings: Listing[]) => Promise<Listing[]>;
  /**
   * This device's requests for the listings, known before the form opened: the form shows
   * each case and files it again only on purpose (its submit reads "Flag again").
   */
  existing?: ItemAnnotation[];
  /** The keyboard command that opens this form, shown with its keys (null: its host shows them). */
  shortcut?: 'flag-listing' | 'flag-selection' | null;
}

/**
 * The flag form (hooks flag-reason, flag-ip-right, flag-note, flag-submit). Field changes
 * only edit the form, whoever caused them; the submit acts, so it needs a trusted click,
 * and it re-checks the values against what the worker offered, since page scripts can
 * change the fields of an open shadow root.
 */
export function FlagForm({ listings, flagAgain, onQueued, onCancel, complete, existing, shortcut = 'flag-listing' }: Props) {
  const [ctx, setCtx] = useState<Context | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [reason, setReason] = useState<string>('counterfeit');
  const [ipRightId, setIpRightId] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One id per form: a resend after a lost answer, or a second click, is the same submit.
  const [submitId] = useState(newSubmitId);
  // Requests this device has for the listing: shown, and filed again only on purpose.
  const [known, setKnown] = useState<ItemAnnotation[]>(existing ?? []);

  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    askWorker('flagContext', { count: listings.length }).then(
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

  // The form takes focus when it opens (its first field, or the message that replaces it).
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, [ctx !== null, loadFailed]);

  const cancel = onTrusted(() => onCancel());
  // Esc closes, as any dialog does; a key press only closes, it never files anything.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onCancel();
  };
  const submit = onTrusted(async () => {
    if (!ctx || busy) return;
    if (!isReason(reason) || !ctx.ipRights.some((x) => x.id === ipRightId) || note.length > LIMITS.note) {
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
      const again = [...(flagAgain ?? []), ...known.map((a) => a.itemId)];
      const res = await sendFlag({ listings: ready, reason, ipRightId, note, submitId, ...(again.length ? { flagAgain: again } : {}) });
      // One listing that already had a request (the page did not know yet): nothing was
      // filed, so the form shows that case and asks before filing it again.
      if (res.ok && listings.length === 1 && !res.clientRequestIds.length && res.skipped?.length) setKnown(res.skipped);
      else if (res.ok) onQueued(res.annotations, ready, res);
      else setError(t('content_flag_failed', res.error.message));
    } catch {
      setError(t('content_worker_unreachable'));
    } finally {
      setBusy(false);
    }
  });

  const wrap = (body: ComponentChildren) => (
    <div ref={root} onKeyDown={onKeyDown}>
      {body}
    </div>
  );
  if (loadFailed) return wrap(<Message text={t('content_worker_unreachable')} error onCancel={cancel} />);
  if (!ctx) return wrap(<p class="message">{t('content_loading')}</p>);
  if (!ctx.configured) return wrap(<Message text={t('content_not_configured')} onCancel={cancel} />);
  if (!ctx.ipRights.length) return wrap(<Message text={t('content_no_ip_rights')} onCancel={cancel} />);
  const warnings = ctx.warnings?.[reason] ?? [];

  return wrap(
    <div class="form" role="form" aria-label={t('content_flag_heading')}>
      <Filing listings={listings} />
      {known.length > 0 && <AlreadyReported annotations={known} />}
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
      {warnings.length > 0 && (
        <p class="message warn" role="status" data-testid="flag-good-faith-warning">
          {warnings.map((w) => t(w.kind === 'success' ? 'content_warn_success' : 'content_warn_counter', formatPercent(w.rate))).join(' ')}
        </p>
      )}
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
        <button type="button" class="primary" data-testid="flag-submit" data-flag-again={String(known.length > 0)} disabled={busy} onClick={submit}>
          {busy ? t('content_submitting') : known.length ? t('content_flag_again') : t('content_submit')}
        </button>
      </div>
      {shortcut && <ShortcutHint name={shortcut} />}
    </div>,
  );
}

// per copy: a cache of formatters.
const percent = new Map<string, Intl.NumberFormat>();
function formatPercent(rate: number): string {
  const locale = uiLocale();
  let f = percent.get(locale);
  if (!f) percent.set(locale, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })));
  return f.format(rate);
}

function money(p: NonNullable<Listing['price']>): string {
  try {
    return new Intl.NumberFormat(uiLocale(), { style: 'currency', currency: p.currency }).format(Number(p.amount));
  } catch {
    return `${p.amount} ${p.currency}`;
  }
}

/** What will be filed: the item, its seller and price (or how many listings a batch holds). */
function Filing({ listings }: { listings: Listing[] }) {
  const one = listings.length === 1 ? listings[0]! : null;
  if (!one) return <p class="filing" data-testid="flag-summary">{t('content_filing_batch', String(listings.length))}</p>;
  return (
    <dl class="filing" data-testid="flag-summary">
      <dt>{t('content_filing_item')}</dt>
      <dd>{one.itemId}</dd>
      <dt>{t('content_filing_seller')}</dt>
      <dd class="page-text" dir="auto">
        {one.seller.id ? `${one.seller.name} (${one.seller.id})` : one.seller.name}
      </dd>
      <dt>{t('content_filing_price')}</dt>
      <dd>{one.price ? money(one.price) : t('content_filing_no_price')}</dd>
    </dl>
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
