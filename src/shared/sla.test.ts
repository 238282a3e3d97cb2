import { describe, expect, it } from 'vitest';
import { SLA_MS, addBusinessTime, businessMsBetween, slaDueAt, timeZoneFor } from './sla.ts';

const H = 3600 * 1000;
const SH = 'Asia/Shanghai'; // UTC+8 all year
const iso = (d: Date) => d.toISOString();

describe('slaDueAt (spec examples, Asia/Shanghai)', () => {
  it('Tuesday 10:00 → Wednesday 10:00', () => {
    expect(iso(slaDueAt(new Date('2026-11-24T02:00:00.000Z'), SH))).toBe('2026-11-25T02:00:00.000Z');
  });
  it('Friday 15:00 → Monday 15:00', () => {
    expect(iso(slaDueAt(new Date('2026-11-20T07:00:00.000Z'), SH))).toBe('2026-11-23T07:00:00.000Z');
  });
  it('Saturday 11:00 → Tuesday 00:00', () => {
    expect(iso(slaDueAt(new Date('2026-11-21T03:00:00.000Z'), SH))).toBe('2026-11-23T16:00:00.000Z');
  });
  it('Sunday 20:00 → Tuesday 00:00 (the clock starts on Monday)', () => {
    expect(iso(slaDueAt(new Date('2026-11-22T12:00:00.000Z'), SH))).toBe('2026-11-23T16:00:00.000Z');
  });
  it('keeps milliseconds', () => {
    expect(iso(slaDueAt(new Date('2026-11-24T02:00:01.234Z'), SH))).toBe('2026-11-25T02:00:01.234Z');
  });
});

describe('addBusinessTime', () => {
  it('72 business hours from Thursday noon skip one weekend', () => {
    expect(iso(addBusinessTime(new Date('2026-11-19T04:00:00.000Z'), 72 * H, SH))).toBe('2026-11-24T04:00:00.000Z');
  });
  it('168 business hours from Thursday noon span two weekends', () => {
    expect(iso(addBusinessTime(new Date('2026-11-19T04:00:00.000Z'), 168 * H, SH))).toBe('2026-11-30T04:00:00.000Z');
  });
  it('zero adds nothing, even on a weekend', () => {
    const sat = new Date('2026-11-21T03:00:00.000Z');
    expect(iso(addBusinessTime(sat, 0, SH))).toBe(iso(sat));
  });
  it('a Lazada zone (Bangkok, UTC+7) gives a different instant than Shanghai', () => {
    const satMorning = new Date('2026-11-21T03:00:00.000Z');
    expect(iso(slaDueAt(satMorning, 'Asia/Bangkok'))).toBe('2026-11-23T17:00:00.000Z');
    expect(iso(slaDueAt(satMorning, SH))).toBe('2026-11-23T16:00:00.000Z');
  });
  it('follows a DST change instead of assuming a fixed offset (Europe/Berlin)', () => {
    // Friday 12:00 CET; the clocks move forward on Sunday 29 March 2026.
    expect(iso(slaDueAt(new Date('2026-03-27T11:00:00.000Z'), 'Europe/Berlin'))).toBe('2026-03-30T10:00:00.000Z');
  });
});

describe('businessMsBetween', () => {
  it('counts no weekend time', () => {
    const friNoon = new Date('2026-11-20T04:00:00.000Z');
    const monNoon = new Date('2026-11-23T04:00:00.000Z');
    expect(businessMsBetween(friNoon, monNoon, SH)).toBe(24 * H);
  });
  it('is 0 when b is not after a', () => {
    const t = new Date('2026-11-20T04:00:00.000Z');
    expect(businessMsBetween(t, t, SH)).toBe(0);
    expect(businessMsBetween(t, new Date(t.getTime() - H), SH)).toBe(0);
  });
  it('is 0 within a weekend', () => {
    expect(businessMsBetween(new Date('2026-11-21T03:00:00.000Z'), new Date('2026-11-22T03:00:00.000Z'), SH)).toBe(0);
  });
  it('inverts addBusinessTime', () => {
    const from = new Date('2026-11-19T09:30:00.000Z');
    for (const ms of [1, H, SLA_MS, 100 * H + 123]) {
      expect(businessMsBetween(from, addBusinessTime(from, ms, SH), SH)).toBe(ms);
    }
  });
});

describe('timeZoneFor', () => {
  it.each([
    ['taobao', 'https://item.taobao.com/item.htm?id=1', 'Asia/Shanghai'],
    ['tmall', 'https://detail.tmall.com/item.htm?id=1', 'Asia/Shanghai'],
    ['1688', 'https://detail.1688.com/offer/1.html', 'Asia/Shanghai'],
    ['aliexpress', 'https://www.aliexpress.com/item/1.html', 'Asia/Shanghai'],
    ['lazada', 'https://www.lazada.com.my/products/x-i1.html', 'Asia/Kuala_Lumpur'],
    ['lazada', 'https://www.lazada.sg/products/x-i1.html', 'Asia/Singapore'],
    ['lazada', 'https://www.lazada.com.ph/products/x-i1.html', 'Asia/Manila'],
    ['lazada', 'https://www.lazada.co.th/products/x-i1.html', 'Asia/Bangkok'],
    ['lazada', 'https://www.lazada.vn/products/x-i1.html', 'Asia/Ho_Chi_Minh'],
    ['lazada', 'https://www.lazada.co.id/products/x-i1.html', 'Asia/Jakarta'],
    ['lazada', 'https://www.lazada.example/products/x-i1.html', 'Asia/Singapore'],
    ['lazada', 'not a url', 'Asia/Singapore'],
  ])('%s %s → %s', (marketplace, url, zone) => {
    expect(timeZoneFor(marketplace, url)).toBe(zone);
  });
});
