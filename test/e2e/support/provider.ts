import type { Page } from 'playwright-core';
import { keyboard } from './keyboard.ts';

export const ABSENT_NOTE = 'La signora non era in casa.';

/**
 * On a provider's intervention page, by keyboard: logs today 1.5 hours by Giulia Ferri, then a visit
 * with the person absent (`ABSENT_NOTE`), and waits until the second shows in the list.
 */
export async function logTwoDeliveries(page: Page): Promise<void> {
  const keys = keyboard(page);
  await keys.type('delivery-quantity', '1,5');
  await keys.type('delivery-staff', 'Giulia Ferri');
  await keys.type('delivery-notes', 'Igiene personale e spesa.');
  await keys.press('delivery-save');
  await page.getByTestId('delivery-notice').waitFor();
  await keys.press('delivery-absent', 'Space');
  await keys.type('delivery-notes', ABSENT_NOTE);
  await keys.press('delivery-save');
  await page.getByTestId('provider-deliveries').filter({ hasText: ABSENT_NOTE }).waitFor();
}
