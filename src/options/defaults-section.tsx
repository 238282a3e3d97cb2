import { useState } from 'preact/hooks';
import type { IpRight, Reason, Settings } from '../shared/model.ts';
import { Reason as ReasonSchema } from '../shared/model.ts';
import { t, type MessageKey } from '../shared/i18n.ts';
import { saveSettings } from '../shared/db/kv.ts';

const REASON_KEYS: Record<Reason, MessageKey> = {
  counterfeit: 'options_reason_counterfeit',
  trademark_misuse: 'options_reason_trademark_misuse',
  copyright_image: 'options_reason_copyright_image',
  patent: 'options_reason_patent',
  other: 'options_reason_other',
};

const KIND_KEYS: Record<IpRight['kind'], MessageKey> = {
  trademark: 'options_kind_trademark',
  copyright: 'options_kind_copyright',
  patent: 'options_kind_patent',
  design: 'options_kind_design',
};

export function rightLabel(r: IpRight): string {
  return [r.title, t(KIND_KEYS[r.kind]), r.jurisdiction, r.registrationNumber].filter(Boolean).join(' · ');
}

export function DefaultsSection({ settings }: { settings: Settings }) {
  const [saved, setSaved] = useState(false);
  const rights = settings.me?.ipRights ?? [];
  const save = (patch: Partial<Settings>) => {
    setSaved(false);
    void saveSettings(patch).then(() => setSaved(true));
  };
  return (
    <section class="card">
      <h2>{t('options_defaults_heading')}</h2>
      <label class="field">
        <span>{t('options_ip_right_label')}</span>
        <select
          data-testid="default-ip-right"
          disabled={rights.length === 0}
          value={settings.defaultIpRightId ?? ''}
          onChange={(e) => save({ defaultIpRightId: e.currentTarget.value || null })}
        >
          {rights.length === 0 && <option value="">{t('options_ip_right_none')}</option>}
          {rights.map((r) => (
            <option key={r.id} value={r.id}>
              {rightLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('options_reason_label')}</span>
        <select
          data-testid="default-reason"
          value={settings.defaultReason}
          onChange={(e) => save({ defaultReason: ReasonSchema.parse(e.currentTarget.value) })}
        >
          {ReasonSchema.options.map((code) => (
            <option key={code} value={code}>
              {t(REASON_KEYS[code])}
            </option>
          ))}
        </select>
      </label>
      <p role="status" class="muted small">
        {saved && t('options_saved')}
      </p>
    </section>
  );
}
