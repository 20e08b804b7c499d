import type { Page } from 'playwright-core';
import type { Channel, Urgency } from '../../../src/features/accesses/accesses.codes.ts';
import { keyboard } from './keyboard.ts';

export interface Referral {
  municipality: string;
  channel: Channel;
  needArea: string;
  request: string;
  urgency: Urgency;
}

/**
 * On a person's page, by keyboard: opens the access form and fills an access whose outcome is a
 * referral to the social service. The caller checks the form and submits it (`access-submit`).
 */
export async function fillReferral(page: Page, referral: Referral): Promise<void> {
  const keys = keyboard(page);
  await keys.press('person-record-access');
  await page.getByTestId('access-form').waitFor();
  await keys.choose('access-municipality', referral.municipality);
  await keys.press(`access-channel-${referral.channel}`, 'Space');
  await keys.choose('access-need-area', referral.needArea);
  await keys.type('access-request', referral.request);
  await keys.press('access-outcome-referral', 'Space');
  await keys.press(`access-urgency-${referral.urgency}`, 'Space');
}
