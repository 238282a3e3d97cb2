import { uiLocale } from '../shared/i18n.ts';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** A timestamp in the UI language; the raw text when it is not a date (never throws). */
export function formatDateTime(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const key = `dt:${timeZone ?? ''}`;
  return dateFormat(key, () => new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) })).format(d);
}

/** "Mon 00:00" / "周一 00:00" in the given zone: when a paused clock starts again. */
export function formatWeekdayTime(d: Date, timeZone: string): string {
  return dateFormat(`wt:${timeZone}`, () => new Intl.DateTimeFormat(uiLocale(), { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })).format(d);
}

function unit(unitName: 'day' | 'hour' | 'minute' | 'second', n: number): string {
  const key = `u:${unitName}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(uiLocale(), { style: 'unit', unit: unitName, unitDisplay: 'narrow' })));
  return f.format(n);
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/**
 * A duration in the UI language with Intl units ("23h 59m 50s", "23小时59分钟50秒"),
 * rounded down; the two largest units once it is a day or more. (Intl.DurationFormat is not
 * in every engine the extension and its tests run on.)
 */
export function formatDuration(ms: number, withSeconds = true): string {
  const total = Math.max(0, Math.floor(ms / S)) * S;
  const d = Math.floor(total / D);
  const h = Math.floor((total % D) / H);
  const m = Math.floor((total % H) / M);
  const s = Math.floor((total % M) / S);
  const parts: string[] = [];
  if (d > 0) parts.push(unit('day', d), unit('hour', h));
  else if (h > 0) parts.push(unit('hour', h), unit('minute', m), ...(withSeconds ? [unit('second', s)] : []));
  else if (m > 0 || !withSeconds) parts.push(unit('minute', m), ...(withSeconds ? [unit('second', s)] : []));
  else parts.push(unit('second', s));
  const joiner = uiLocale().toLowerCase().startsWith('zh') ? '' : ' ';
  return parts.join(joiner);
}

/** A rate from 0 to 1 as a percentage in the UI language. */
export function formatPercent(rate: number): string {
  const key = 'pct';
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 1 })));
  return f.format(rate);
}

/** Money in the UI language; the raw figures when the currency is not one Intl knows. */
export function formatMoney(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat(uiLocale(), { style: 'currency', currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}
