import { uiLocale } from '../shared/i18n.ts';

let dateTime: Intl.DateTimeFormat | null = null;

/** A timestamp in the UI language; the raw text when it is not a date (never throws). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  dateTime ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(d);
}
