// Prices as pages show them ("¥1,299.00", "199-299", "￥ 89.00 - 129.00") to the decimal
// string the API wants. A range stands for its low end: the price a buyer can pay.

const MAX_PRICE_TEXT = 200;

export interface PriceFormat {
  /** The thousands separator the site uses; the other of `,`/`.` is the decimal point. */
  thousands: ',' | '.';
  /**
   * The currency has no minor unit in practice (VND, IDR): `,` and `.` before three digits
   * both group thousands, whichever the page used ("₫99.000" and "₫99,000" are the same).
   */
  wholeUnits?: boolean;
}

/** The first amount in `text`, as a plain decimal string (`"1299.00"`), or null. */
export function parsePrice(text: string | null | undefined, format: PriceFormat = { thousands: ',' }): string | null {
  if (!text) return null;
  const t = text.slice(0, MAX_PRICE_TEXT);
  if (format.wholeUnits) {
    const whole = /\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+/.exec(t)?.[0].replace(/[.,]/g, '');
    return whole && /^\d{1,15}$/.test(whole) ? whole : null;
  }
  const sep = format.thousands === ',' ? ',' : '\\.';
  const dec = format.thousands === ',' ? '\\.' : ',';
  const amount = new RegExp(`\\d{1,3}(?:${sep}\\d{3})+(?:${dec}\\d+)?|\\d+(?:${dec}\\d+)?`);
  const m = amount.exec(t);
  if (!m) return null;
  const plain = m[0].split(format.thousands).join('').replace(',', '.');
  return /^\d{1,15}(\.\d{1,6})?$/.test(plain) ? plain : null;
}
