import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

describe('household on the person page', () => {
  const session = useE2eSession();

  it('front desk adds a member who lives in another household, confirming the move, and the history keeps the old one', async () => {
    const db = session.server.database.db;
    // A demo household's reference person, and a child of another demo household, to be moved.
    const reference = await db
      .selectFrom('household_member as m')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select(['m.person_id', 'm.household_id', 'p.family_name'])
      .where('m.relationship', '=', 'reference_person')
      .where('m.valid_to', 'is', null)
      .orderBy('p.family_name')
      .executeTakeFirstOrThrow();
    const mover = await db
      .selectFrom('household_member as m')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select(['m.person_id', 'p.family_name', 'p.given_name', 'p.fiscal_code'])
      .where('m.relationship', '!=', 'reference_person')
      .where('m.valid_to', 'is', null)
      .where('m.household_id', '!=', reference.household_id)
      .where('p.fiscal_code', 'is not', null)
      .orderBy('p.family_name')
      .executeTakeFirstOrThrow();

    const page = await session.browser.newPage();
    await session.signIn(page, 'sportello');

    await page.goto(`${session.server.url}/registry/persons/${reference.person_id}`);
    await page.getByTestId('household-members').waitFor();
    await expectAccessible(page, 'person page with household');

    await page.getByTestId('household-add-open').click();
    // The form's heading takes the focus: the operator goes on by keyboard.
    await page.waitForFunction(() => document.activeElement?.id === 'household-add-title');
    await page.keyboard.press('Tab');
    await page.keyboard.type(mover.fiscal_code!);
    await page.locator('#household-add-person-listbox [role="option"]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('household-add-relationship').selectOption('other_relative');
    await page.getByTestId('household-add-valid-from').press('Enter');

    await page.getByTestId('household-move-warning').waitFor();
    const warning = await page.getByTestId('household-move-warning').innerText();
    expect(warning).toContain(`${mover.family_name} ${mover.given_name}`);
    expect(await page.getByTestId('household-add-submit').innerText()).toBe('Conferma lo spostamento');
    await expectAccessible(page, 'move confirmation');
    await page.getByTestId('household-add-submit').click();

    await page.getByTestId('household-notice').waitFor();
    const row = page.getByTestId(`household-member-${mover.person_id}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Altro parente');

    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await row.innerText()).toContain('Other relative');
    // Let the language buttons finish their hover and colour transitions before checking contrast.
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await expectAccessible(page, 'household in English');

    await row.getByRole('link').click();
    await page.getByTestId('household-history').waitFor();
    expect(await page.getByTestId('household-history').innerText()).toContain('Moved to another household');
    await expectAccessible(page, 'moved person with history');

    // The shared address is edited from any member's page.
    await page.getByTestId('household-address-open').click();
    await page.getByTestId('household-edit-address').fill('Via della Pace 7');
    await page.getByTestId('household-edit-postal-code').fill('40013');
    await expectAccessible(page, 'address form');
    await page.getByTestId('household-edit-postal-code').press('Enter');
    await page.getByTestId('household-notice').waitFor();
    // The notice comes first, then the household is read again: wait for the new address to show.
    await page.getByTestId('household-address').filter({ hasText: 'Via della Pace 7, 40013' }).waitFor();
    const open = await db.selectFrom('household_member').select('household_id').where('person_id', '=', mover.person_id).where('valid_to', 'is', null).execute();
    expect(open).toEqual([{ household_id: reference.household_id }]);
    await page.close();
  });
});
