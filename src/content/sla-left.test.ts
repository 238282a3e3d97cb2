import { describe, expect, it } from 'vitest';
import { formatDuration, slaLeft } from './sla-left.ts';

const now = Date.parse('2026-03-03T10:00:00.000Z');

describe('slaLeft', () => {
  it('says the clock has not started without a due time', () => {
    expect(slaLeft(null, now)).toEqual({ tone: 'not_started', text: 'SLA clock not started' });
    expect(slaLeft('not a date', now).tone).toBe('not_started');
  });

  it('counts down to the due time', () => {
    expect(slaLeft('2026-03-04T10:00:00.000Z', now)).toEqual({ tone: 'ok', text: '1 d 0 h left' });
    expect(slaLeft('2026-03-03T15:12:30.000Z', now)).toEqual({ tone: 'warn', text: '5 h 12 min left' });
    expect(slaLeft('2026-03-03T10:00:59.000Z', now)).toEqual({ tone: 'warn', text: '0 min left' });
  });

  it('turns amber in the last quarter and says how overdue', () => {
    expect(slaLeft('2026-03-03T16:00:00.000Z', now).tone).toBe('warn');
    expect(slaLeft('2026-03-03T16:00:01.000Z', now).tone).toBe('ok');
    expect(slaLeft('2026-03-03T08:30:00.000Z', now)).toEqual({ tone: 'overdue', text: 'Overdue by 1 h 30 min' });
  });

  it('formats long waits over a weekend in days', () => {
    expect(formatDuration((3 * 24 + 5) * 3600_000 + 59_000)).toBe('3 d 5 h');
  });
});
