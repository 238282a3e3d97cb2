import { t } from '../shared/i18n.ts';
import { SLA_MS } from '../shared/sla.ts';

// How much of the 24-hour SLA is left, for the status badge on marketplace pages. Pure:
// the caller passes `now`. The service's slaDueAt is authoritative, so this only counts
// down to it; the popup has its own, richer countdown.

export type SlaTone = 'not_started' | 'ok' | 'warn' | 'overdue';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 d 3 h", "5 h 12 min", "7 min" (rounded down; under a minute reads as 0 min). */
export function formatDuration(ms: number): string {
  const m = Math.floor(Math.max(0, ms) / MINUTE);
  const d = Math.floor(m / (DAY / MINUTE));
  const h = Math.floor((m % (DAY / MINUTE)) / 60);
  if (d > 0) return t('content_duration_days', [String(d), String(h)]);
  if (h > 0) return t('content_duration_hours', [String(h), String(m % 60)]);
  return t('content_duration_minutes', [String(m)]);
}

export function slaLeft(slaDueAt: string | null, now: number): { tone: SlaTone; text: string } {
  const due = slaDueAt ? Date.parse(slaDueAt) : NaN;
  if (!Number.isFinite(due)) return { tone: 'not_started', text: t('content_sla_not_started') };
  const left = due - now;
  if (left < 0) return { tone: 'overdue', text: t('content_sla_overdue', formatDuration(-left)) };
  // Amber in the last quarter, as in the popup.
  return { tone: left <= SLA_MS / 4 ? 'warn' : 'ok', text: t('content_sla_left', formatDuration(left)) };
}
