import { normaliseSpace } from '../../shared/text.ts';
import { absoluteUrl } from '../urls.ts';

// Small readers shared by Lazada's product page and search cards.

/** Page and og: titles end with the site's name ("… | Lazada.vn", "… | www.lazada.com.my"). */
const SITE_SUFFIX = /\s*[|｜]\s*(?:www\.)?lazada(?:\.[a-z]{2,3}){1,2}(?:\s+[A-Za-z]+)?\s*$/i;

export function cleanTitle(raw: string | null | undefined): string | null {
  return normaliseSpace((raw ?? '').replace(SITE_SUFFIX, '')) || null;
}

/** What a deleted listing's page says in place of the product (English on every country site). */
const GONE = /this product is no longer available|product (?:is )?not (?:found|available)/i;

export function isGoneText(text: string | null | undefined): boolean {
  return !!text && GONE.test(text);
}

/** Lazada ids are decimal; data gives them as strings or numbers. */
export function lazadaId(v: unknown): string | null {
  const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
  return /^\d{1,20}$/.test(s) ? s : null;
}

/** `https://www.<site>/shop/<slug>/`: the shop link without its item and tracking query. */
export function shopUrlOf(raw: string | null | undefined, base: URL): string | null {
  const u = absoluteUrl(raw, base);
  if (!u || !/(^|\.)lazada\.(com\.my|sg|co\.th|com\.ph|co\.id|vn)$/i.test(u.hostname)) return null;
  const slug = /^\/shop\/([^/?#]+)/.exec(u.pathname)?.[1];
  return slug ? `https://${u.hostname.toLowerCase()}/shop/${slug}/` : null;
}
