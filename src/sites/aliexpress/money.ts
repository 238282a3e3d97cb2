import type { Money } from '../../shared/model.ts';
import { parsePrice } from '../price.ts';

// AliExpress shows prices in the buyer's currency, formatted for the buyer's language:
// "US $12.99", "12,99€", "€ 1.234,56", "1 234,56 руб.", "R$ 65,90", "₩17,000". Embedded data
// states the ISO code; the DOM has only the symbol, mapped here.

/** Symbols and words as the pages print them, longest first within a family. */
const SYMBOLS: readonly [RegExp, string][] = [
  [/US\s?\$/i, 'USD'],
  [/C(?:A)?\s?\$/, 'CAD'],
  [/AU?\s?\$/, 'AUD'],
  [/NZ\s?\$/, 'NZD'],
  [/R\$/, 'BRL'],
  [/MX\s?\$/, 'MXN'],
  [/HK\s?\$/, 'HKD'],
  [/S\s?\$/, 'SGD'],
  [/CLP|CL\s?\$/, 'CLP'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/₽|руб/i, 'RUB'],
  [/₴|грн/i, 'UAH'],
  [/JP\s?¥|￥|¥/, 'JPY'],
  [/₩/, 'KRW'],
  [/zł/i, 'PLN'],
  [/₺|\bTL\b/, 'TRY'],
  [/₹/, 'INR'],
  [/₪/, 'ILS'],
  [/CHF/, 'CHF'],
  [/Kč/, 'CZK'],
  [/\$/, 'USD'], // aliexpress.us prints a bare "$"
];

const ISO = /\b(USD|EUR|GBP|RUB|JPY|KRW|BRL|CAD|AUD|NZD|MXN|CLP|PLN|TRY|UAH|ILS|CHF|CZK|SEK|NOK|DKK|HUF|INR|HKD|SGD|KZT|SAR|AED|THB|VND|IDR|PHP|MYR)\b/;

/** Currencies shown without a minor unit: a separator before three digits groups thousands. */
const WHOLE = new Set(['JPY', 'KRW', 'CLP', 'VND', 'IDR', 'HUF']);

/** The ISO code `text` names, by code or by symbol; null when it names none. */
export function currencyIn(text: string): string | null {
  const iso = ISO.exec(text)?.[1];
  if (iso) return iso;
  return SYMBOLS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** Whether the first number in `text` uses a decimal comma ("12,99", "1.234,56"). */
function decimalComma(text: string): boolean {
  const n = /\d[\d\s\u00a0\u202f.,']*/.exec(text)?.[0].replace(/[\s\u00a0\u202f']+$/, '') ?? '';
  const last = Math.max(n.lastIndexOf(','), n.lastIndexOf('.'));
  if (last < 0 || n[last] !== ',') return false;
  return n.length - last - 1 !== 3 || n.includes('.');
}

/** A price as printed, to a Money in `currency` (or the currency the text names). */
export function moneyFromText(text: string | null | undefined, currency?: string | null): Money | null {
  if (!text) return null;
  const code = currency && /^[A-Z]{3}$/.test(currency) ? currency : currencyIn(text);
  if (!code) return null;
  const t = text.slice(0, 200).replace(/(\d)[\s\u00a0\u202f'](?=\d{3}\b)/g, '$1');
  const amount = WHOLE.has(code)
    ? parsePrice(t, { thousands: '.', wholeUnits: true })
    : parsePrice(t, { thousands: decimalComma(t) ? '.' : ',' });
  return amount ? { amount, currency: code } : null;
}

/** An amount embedded data gives as a number (12.99) or a string, in a known currency. */
export function moneyFromValue(value: unknown, currency: unknown): Money | null {
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return null;
  let amount: string | null = null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) amount = WHOLE.has(currency) ? value.toFixed(0) : value.toFixed(2);
  else if (typeof value === 'string' && /^\d{1,15}(\.\d{1,6})?$/.test(value.trim())) amount = value.trim();
  return amount ? { amount, currency } : null;
}
