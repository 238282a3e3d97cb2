import { describe, expect, it } from 'vitest';
import { currencyIn, moneyFromText, moneyFromValue } from './money.ts';

describe('AliExpress prices', () => {
  it('maps the symbols pages print to ISO codes', () => {
    expect(currencyIn('US $12.99')).toBe('USD');
    expect(currencyIn('$12.99')).toBe('USD');
    expect(currencyIn('C$ 17.20')).toBe('CAD');
    expect(currencyIn('AU $19.50')).toBe('AUD');
    expect(currencyIn('R$ 65,90')).toBe('BRL');
    expect(currencyIn('12,99€')).toBe('EUR');
    expect(currencyIn('£8.49')).toBe('GBP');
    expect(currencyIn('1 234,56 руб.')).toBe('RUB');
    expect(currencyIn('₩17,000')).toBe('KRW');
    expect(currencyIn('JP¥1,850')).toBe('JPY');
    expect(currencyIn('45,99 zł')).toBe('PLN');
    expect(currencyIn('PLN 45.99')).toBe('PLN');
    expect(currencyIn('12.99')).toBeNull();
  });

  it('reads decimal commas and points as the language writes them', () => {
    expect(moneyFromText('US $1,299.00')).toEqual({ amount: '1299.00', currency: 'USD' });
    expect(moneyFromText('US $1,299')).toEqual({ amount: '1299', currency: 'USD' });
    expect(moneyFromText('12,99€')).toEqual({ amount: '12.99', currency: 'EUR' });
    expect(moneyFromText('€ 1.234,56')).toEqual({ amount: '1234.56', currency: 'EUR' });
    expect(moneyFromText('1 234,56 руб.')).toEqual({ amount: '1234.56', currency: 'RUB' });
    expect(moneyFromText('1\u00a0234,56\u00a0₽')).toEqual({ amount: '1234.56', currency: 'RUB' });
    expect(moneyFromText('R$ 65,90')).toEqual({ amount: '65.90', currency: 'BRL' });
    expect(moneyFromText('₩17,000')).toEqual({ amount: '17000', currency: 'KRW' });
    expect(moneyFromText('JP¥1,850')).toEqual({ amount: '1850', currency: 'JPY' });
    expect(moneyFromText('US $12.99 - 15.99')).toEqual({ amount: '12.99', currency: 'USD' });
  });

  it('trusts a stated currency over the symbol, and gives nothing without either', () => {
    expect(moneyFromText('11,99€', 'EUR')).toEqual({ amount: '11.99', currency: 'EUR' });
    expect(moneyFromText('12.99')).toBeNull();
    expect(moneyFromText('US $')).toBeNull();
    expect(moneyFromText('')).toBeNull();
  });

  it('formats numeric values with the currency\'s minor unit', () => {
    expect(moneyFromValue(12.9, 'USD')).toEqual({ amount: '12.90', currency: 'USD' });
    expect(moneyFromValue(1850, 'JPY')).toEqual({ amount: '1850', currency: 'JPY' });
    expect(moneyFromValue('11.99', 'EUR')).toEqual({ amount: '11.99', currency: 'EUR' });
    expect(moneyFromValue(-1, 'USD')).toBeNull();
    expect(moneyFromValue(12.99, 'us dollars')).toBeNull();
    expect(moneyFromValue('12,99', 'EUR')).toBeNull();
  });
});
