import { describe, expect, it } from 'vitest';
import { parsePrice } from './price.ts';

describe('parsePrice', () => {
  it.each([
    ['¥199.00', '199.00'],
    ['￥ 1,299.00', '1299.00'],
    ['199-299', '199'],
    ['89.00 - 129.00', '89.00'],
    ['¥12,345,678.5起', '12345678.5'],
    ['券后 ¥159', '159'],
    ['0.01', '0.01'],
  ])('%s → %s', (text, amount) => expect(parsePrice(text)).toBe(amount));

  it.each([null, undefined, '', '¥', '面议', '9'.repeat(30)])('gives null for %s', (text) => expect(parsePrice(text)).toBeNull());

  it('reads dot-grouped thousands where a site uses them', () => {
    expect(parsePrice('Rp 1.299.000', { thousands: '.' })).toBe('1299000');
    expect(parsePrice('12,50 €', { thousands: '.' })).toBe('12.50');
  });

  it('reads either separator as thousands for currencies without a minor unit', () => {
    const whole = { thousands: '.', wholeUnits: true } as const;
    expect(parsePrice('₫99,000', whole)).toBe('99000');
    expect(parsePrice('99.000 ₫', whole)).toBe('99000');
    expect(parsePrice('Rp 1.250.000', whole)).toBe('1250000');
    expect(parsePrice('Rp1.250.000,00', whole)).toBe('1250000');
    expect(parsePrice('₫ 0', whole)).toBe('0');
    expect(parsePrice('Rp', whole)).toBeNull();
  });
});
