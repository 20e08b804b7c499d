import { describe, expect, it } from 'vitest';
import { parseClockSetting } from './clock.ts';

describe('TRAMA_NOW', () => {
  it('takes an instant with its offset, or a day meaning midday in Italy', () => {
    expect(new Date(parseClockSetting('2028-02-29T00:20:00+01:00')).toISOString()).toBe('2028-02-28T23:20:00.000Z');
    expect(new Date(parseClockSetting('2027-10-31T01:30:00Z')).toISOString()).toBe('2027-10-31T01:30:00.000Z');
    expect(new Date(parseClockSetting(' 2028-12-31 ')).toISOString()).toBe('2028-12-31T11:00:00.000Z');
  });

  it('refuses what it cannot place in time, saying what it expects', () => {
    // Without an offset the instant would be read in the machine's time zone.
    expect(() => parseClockSetting('2028-02-29T00:20:00')).toThrow(/offset/);
    expect(() => parseClockSetting('yesterday')).toThrow(/TRAMA_NOW must be/);
    expect(() => parseClockSetting('2028-02-30T10:00:00Z')).toThrow(/TRAMA_NOW must be/);
  });
});
