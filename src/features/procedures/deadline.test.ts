import { describe, expect, it } from 'vitest';
import { addCalendarDays, checkProcedureDates, computeDeadline, daysRemaining, decidedInTime, procedureState } from './deadline.ts';

const plain = (startedOn: string, legalDays = 30) => computeDeadline({ startedOn, legalDays, suspensions: [] });

describe('procedure deadline arithmetic (calendar days)', () => {
  it('adds the legal days across month ends', () => {
    expect(plain('2026-01-31').dueOn).toBe('2026-03-02');
    expect(plain('2026-12-15').dueOn).toBe('2027-01-14');
    expect(plain('2026-03-31', 1).dueOn).toBe('2026-04-01');
  });

  it('counts 29 February in leap years only', () => {
    expect(plain('2027-01-31').dueOn).toBe('2027-03-02');
    expect(plain('2028-01-31').dueOn).toBe('2028-03-01');
    expect(plain('2028-02-29').dueOn).toBe('2028-03-30');
    expect(plain('2028-02-29', 365).dueOn).toBe('2029-02-28');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('ignores daylight saving changes (last Sunday of March and October)', () => {
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('moves the deadline by the days of ended suspensions, also across month ends', () => {
    const d = computeDeadline({ startedOn: '2026-01-10', legalDays: 30, suspensions: [{ startsOn: '2026-01-28', endsOn: '2026-02-05' }] });
    expect(d).toEqual({ dueOn: '2026-02-17', pausedSince: null, suspendedDays: 8 });
    const two = computeDeadline({
      startedOn: '2028-02-01',
      legalDays: 30,
      suspensions: [
        { startsOn: '2028-02-27', endsOn: '2028-03-02' },
        { startsOn: '2028-03-02', endsOn: '2028-03-04' },
      ],
    });
    expect(two.suspendedDays).toBe(6);
    expect(two.dueOn).toBe('2028-03-08');
  });

  it('a suspension ended the day it started moves nothing', () => {
    const d = computeDeadline({ startedOn: '2026-05-01', legalDays: 30, suspensions: [{ startsOn: '2026-05-10', endsOn: '2026-05-10' }] });
    expect(d.dueOn).toBe('2026-05-31');
    expect(d.suspendedDays).toBe(0);
  });

  it('an open suspension pauses the days remaining', () => {
    const d = computeDeadline({ startedOn: '2026-05-01', legalDays: 30, suspensions: [{ startsOn: '2026-05-21', endsOn: null }] });
    expect(d).toEqual({ dueOn: '2026-05-31', pausedSince: '2026-05-21', suspendedDays: 0 });
    expect(daysRemaining(d, '2026-05-21')).toBe(10);
    expect(daysRemaining(d, '2026-07-30')).toBe(10);
    expect(procedureState(d, '2026-07-30', null, 7)).toBe('suspended');
  });

  it('days remaining are negative when overdue, and the deadline day is still in time', () => {
    const d = plain('2026-01-31');
    expect(daysRemaining(d, '2026-02-20')).toBe(10);
    expect(daysRemaining(d, '2026-03-02')).toBe(0);
    expect(daysRemaining(d, '2026-03-05')).toBe(-3);
    expect(procedureState(d, '2026-02-20', null, 7)).toBe('running');
    expect(procedureState(d, '2026-02-24', null, 7)).toBe('near');
    expect(procedureState(d, '2026-03-02', null, 7)).toBe('near');
    expect(procedureState(d, '2026-03-03', null, 7)).toBe('overdue');
  });

  it('a decision closes the count', () => {
    const d = plain('2026-01-31');
    expect(daysRemaining(d, '2026-04-01', '2026-02-15')).toBeNull();
    expect(procedureState(d, '2026-04-01', '2026-02-15', 7)).toBe('decided');
    expect(decidedInTime(d.dueOn, '2026-02-15')).toBe(true);
    expect(decidedInTime(d.dueOn, '2026-03-02')).toBe(true);
    expect(decidedInTime(d.dueOn, '2026-03-03')).toBe(false);
  });
});

describe('procedure date rules', () => {
  const base = { startedOn: '2026-03-01', decidedOn: null };
  it('accepts suspensions in order, touching, and an open last one', () => {
    expect(checkProcedureDates({ ...base, suspensions: [{ startsOn: '2026-03-05', endsOn: '2026-03-10' }, { startsOn: '2026-03-10', endsOn: null }] })).toBeNull();
    expect(checkProcedureDates({ ...base, decidedOn: '2026-03-20', suspensions: [{ startsOn: '2026-03-05', endsOn: '2026-03-10' }] })).toBeNull();
  });
  it('refuses an end before the start, overlaps, two open, a suspension before the start', () => {
    expect(checkProcedureDates({ ...base, suspensions: [{ startsOn: '2026-03-05', endsOn: '2026-03-04' }] })?.field).toBe('endsOn');
    expect(checkProcedureDates({ ...base, suspensions: [{ startsOn: '2026-03-05', endsOn: '2026-03-10' }, { startsOn: '2026-03-09', endsOn: '2026-03-12' }] })?.message.en).toMatch(/overlap/);
    expect(checkProcedureDates({ ...base, suspensions: [{ startsOn: '2026-03-05', endsOn: null }, { startsOn: '2026-03-09', endsOn: null }] })?.message.en).toMatch(/overlap/);
    expect(checkProcedureDates({ ...base, suspensions: [{ startsOn: '2026-03-05', endsOn: null }, { startsOn: '2026-03-09', endsOn: '2026-03-10' }] })?.message.en).toMatch(/overlap/);
    expect(checkProcedureDates({ ...base, suspensions: [{ startsOn: '2026-02-25', endsOn: null }] })?.field).toBe('startsOn');
  });
  it('refuses a decision before the start, with an open suspension, or before a suspension ends', () => {
    expect(checkProcedureDates({ ...base, decidedOn: '2026-02-28', suspensions: [] })?.field).toBe('decidedOn');
    expect(checkProcedureDates({ ...base, decidedOn: '2026-03-20', suspensions: [{ startsOn: '2026-03-05', endsOn: null }] })?.message.en).toMatch(/open suspension/);
    expect(checkProcedureDates({ ...base, decidedOn: '2026-03-08', suspensions: [{ startsOn: '2026-03-05', endsOn: '2026-03-10' }] })?.message.en).toMatch(/between/);
  });
});
