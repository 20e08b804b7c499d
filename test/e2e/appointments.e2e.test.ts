import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createReferral } from '../../src/features/appointments/appointments.fixture.ts';
import { shiftDate, dayInRome } from '../../src/platform/time/rome.ts';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';
import { clock } from '../../src/platform/time/clock.ts';

/** A weekday some weeks ahead, past the demo's booked fortnight. */
function freeWeekday(): string {
  let day = shiftDate(dayInRome(), 24);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = shiftDate(day, 1);
  return day;
}

describe('front desk books a first interview for a flagged person', () => {
  const session = useE2eSession();
  const signIn = (page: Page, username: string) => session.signIn(page, username);

  it('in a protected room, with a colleague on call, from the referral; the reason of the flag stays hidden', async () => {
    const db = session.server.database.db;
    const flagged = await db
      .selectFrom('person_safety_flag as f')
      .innerJoin('person as p', 'p.id', 'f.person_id')
      .select(['p.id', 'p.family_name', 'f.reason'])
      .where('f.cleared_at', 'is', null)
      .where('p.municipality_code', '=', '037019')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const desk = await db.selectFrom('app_user').select('id').where('username', '=', 'sportello').executeTakeFirstOrThrow();
    const referral = await createReferral(db, desk.id, { referredAt: clock.now().toISOString() });

    const page = await session.browser.newPage();
    await signIn(page, 'sportello');
    await page.goto(`${session.server.url}/registry/persons/${flagged.id}`);
    await page.getByTestId('safety-flag-on').waitFor();
    await page.getByTestId('person-appointments-past').or(page.getByTestId('person-appointments-past-empty')).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(flagged.reason);
    expect(await page.getByTestId('safety-flag-form').count()).toBe(0);
    await expectAccessible(page, 'person page with appointments');

    await page.goto(`${session.server.url}/appointments/new?personId=${flagged.id}&intakeItemId=${referral.intakeItemId}&accessId=${referral.accessId}`);
    await page.getByTestId('booking-from-referral').waitFor();
    await page.getByTestId('booking-flagged').waitFor();
    expect(await page.getByTestId('booking-kind').inputValue()).toBe('first_interview');
    await page.getByTestId('booking-worker').selectOption({ label: 'Marco Bianchi (assistente sociale)' });
    const rooms = await page.getByTestId('booking-room').locator('option').allInnerTexts();
    expect(rooms.filter((label) => label.includes('Castel Maggiore')).every((label) => label.includes('protetta'))).toBe(true);
    await page.getByTestId('booking-room').selectOption({ label: 'Stanza protetta — Servizio sociale – Castel Maggiore (stanza protetta)' });
    await page.getByTestId('booking-date').fill(freeWeekday());
    await page.getByTestId('free-slot-1000').click();
    expect(await page.getByTestId('booking-start').inputValue()).toBe('10:00');
    await expectAccessible(page, 'booking form');

    await page.getByTestId('booking-submit').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').innerText()).toContain('collega reperibile');
    await expectAccessible(page, 'booking form with errors');
    if (process.env.TRAMA_E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.TRAMA_E2E_SCREENSHOTS}/booking.png`, fullPage: true });

    await page.getByTestId('booking-colleague').focus();
    await page.getByTestId('booking-colleague').selectOption({ label: 'Sara Romano (assistente sociale)' });
    await page.keyboard.press('Tab');
    await page.getByTestId('booking-submit').press('Enter');
    await page.getByTestId('appointment-booked').waitFor();
    const detail = await page.getByTestId('appointment-detail').innerText();
    expect(detail).toContain('Stanza protetta');
    expect(detail).toContain('Sara Romano');
    await expectAccessible(page, 'appointment detail');

    const saved = await db.selectFrom('appointment').selectAll().where('intake_item_id', '=', referral.intakeItemId).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ person_id: flagged.id, kind: 'first_interview', access_id: referral.accessId, status: 'scheduled' });
    expect(saved.colleague_on_call_id).not.toBeNull();

    await page.getByTestId('nav-appointments').click();
    await page.getByTestId('calendar-choose').waitFor();
    await page.getByTestId('calendar-worker').selectOption({ label: 'Marco Bianchi (assistente sociale)' });
    await page.getByTestId('calendar').waitFor();
    await expectAccessible(page, 'calendar');
    if (process.env.TRAMA_E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.TRAMA_E2E_SCREENSHOTS}/calendar.png`, fullPage: true });
    await page.close();
  });

  it('manager: reads the reason of a flag, rooms admin and the timeliness report are accessible', async () => {
    const flag = await session.server.database.db.selectFrom('person_safety_flag').select(['person_id', 'reason']).where('cleared_at', 'is', null).orderBy('person_id').executeTakeFirstOrThrow();
    const page = await session.browser.newPage();
    await signIn(page, 'responsabile');
    await page.goto(`${session.server.url}/registry/persons/${flag.person_id}`);
    expect(await page.getByTestId('safety-flag-reason').innerText()).toContain(flag.reason);
    await page.getByTestId('safety-flag-form').waitFor();
    await expectAccessible(page, 'person page with the flag reason');
    await page.goto(`${session.server.url}/`);
    await page.getByTestId('nav-rooms').click();
    await page.getByTestId('office').first().waitFor();
    await expectAccessible(page, 'rooms admin');
    await page.getByTestId('nav-timeliness').click();
    await page.getByTestId('timeliness-table').or(page.getByTestId('timeliness-empty')).waitFor();
    await expectAccessible(page, 'timeliness report');
    if (process.env.TRAMA_E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.TRAMA_E2E_SCREENSHOTS}/timeliness.png`, fullPage: true });
    await page.close();
  });
});
