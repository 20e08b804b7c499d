import { describe, expect, it } from 'vitest';
import { shiftDate, dayInRome } from '../../src/platform/time/rome.ts';
import { computeFiscalCode } from '../../src/features/registry/fiscal-code/fiscal-code.ts';
import { expectAccessible } from './support/browser.ts';
import { fillReferral } from './support/front-desk.ts';
import { keyboard } from './support/keyboard.ts';
import { useE2eSession } from './support/session.ts';

const CASTEL_MAGGIORE = '037019';
const REQUEST = 'Vive sola, non riesce più a fare la spesa né a pulire casa dopo la frattura al femore.';

/** A weekday five weeks ahead: past the demo's booked fortnight and the other e2e files' bookings. */
function freeWeekday(): string {
  let day = shiftDate(dayInRome(), 35);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = shiftDate(day, 1);
  return day;
}


describe('a front-desk morning, by keyboard', () => {
  const session = useE2eSession();

  it('registers a walk-in, records the access, refers her to the social service and books the first interview in a protected room', async () => {
    const db = session.server.database.db;
    const page = await session.browser.newPage();
    const keys = keyboard(page);
    await session.signIn(page, 'sportello');

    // 1. A walk-in nobody has registered yet: the fiscal code fills sex, birth date and birthplace.
    const walkIn = { familyName: 'Marchetti', givenName: 'Ornella', sex: 'F' as const, birthDate: '1941-07-19', birthPlaceCode: 'A944' };
    const fiscalCode = computeFiscalCode(walkIn);
    await keys.press('nav-registry');
    await keys.press('registry-new-person');
    await keys.type('person-family-name', walkIn.familyName);
    await keys.type('person-given-name', walkIn.givenName);
    await keys.type('person-fiscal-code', fiscalCode);
    await page.getByTestId('fiscal-code-valid').waitFor();
    await keys.press('fiscal-code-use-decoded');
    await keys.choose('person-municipality', CASTEL_MAGGIORE);
    await expectAccessible(page, 'walk-in registration');
    await keys.press('person-submit');
    await page.getByTestId('person-created').waitFor();
    const person = await db.selectFrom('person').select(['id', 'birth_date', 'sex', 'birth_place_code']).where('fiscal_code', '=', fiscalCode).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ birth_date: walkIn.birthDate, sex: 'F', birth_place_code: 'A944' });

    // 2. The access, with its outcome: a referral to the social service.
    await fillReferral(page, { municipality: CASTEL_MAGGIORE, channel: 'in_person', needArea: 'ELD', request: REQUEST, urgency: 'priority' });
    await expectAccessible(page, 'access form');
    await keys.press('access-submit');
    await page.getByTestId('access-created').waitFor();
    expect(await page.getByTestId('person-access').first().innerText()).toContain(REQUEST);
    const intake = await db
      .selectFrom('intake_item as i')
      .innerJoin('access_person as ap', 'ap.access_id', 'i.access_id')
      .select(['i.id', 'i.status', 'i.urgency'])
      .where('ap.person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(intake).toMatchObject({ status: 'waiting', urgency: 'priority' });
    await expectAccessible(page, 'person page after the referral');

    // 3. The first interview, booked from the referral, in a protected room.
    await keys.press('person-access-book');
    await page.getByTestId('booking-from-referral').waitFor();
    expect(await page.getByTestId('booking-kind').inputValue()).toBe('first_interview');
    await keys.choose('booking-worker', { label: 'Marco Bianchi (assistente sociale)' });
    await keys.choose('booking-room', { label: 'Stanza protetta — Servizio sociale – Castel Maggiore (stanza protetta)' });
    await page.getByTestId('booking-date').fill(freeWeekday());
    await keys.press('free-slot-0930');
    expect(await page.getByTestId('booking-start').inputValue()).toBe('09:30');
    await expectAccessible(page, 'booking form');
    await keys.press('booking-submit');
    await page.getByTestId('appointment-booked').waitFor();
    await expectAccessible(page, 'appointment booked');

    const booked = await db
      .selectFrom('appointment as a')
      .innerJoin('room as r', 'r.id', 'a.room_id')
      .select(['a.kind', 'a.status', 'a.person_id', 'r.is_protected'])
      .where('a.intake_item_id', '=', intake.id)
      .executeTakeFirstOrThrow();
    expect(booked).toMatchObject({ kind: 'first_interview', status: 'scheduled', person_id: person.id, is_protected: true });

    // Back on her page, the desk sees the interview coming, and her story is told once.
    await page.goto(`${session.server.url}/registry/persons/${person.id}`);
    await page.getByTestId('person-appointments-upcoming').waitFor();
    expect(await page.getByTestId('person-appointments-upcoming').innerText()).toContain('Marco Bianchi');
    await page.close();
  });
});
