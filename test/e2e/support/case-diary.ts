import type { Page } from 'playwright-core';
import type { DiaryKind } from '../../../src/features/case-diary/case-diary.codes.ts';

export interface DiaryEntryInput {
  kind: DiaryKind;
  minutes: number;
  external?: { name: string; body: string }[];
  text: string;
}

/**
 * On a case page, by keyboard only: Enter on "add" opens the dialog, the fields are typed (the date and
 * time stay at now). The caller checks the dialog and saves it (`diary-add-dialog-submit`).
 */
export async function fillDiaryEntry(page: Page, entry: DiaryEntryInput): Promise<void> {
  await page.getByTestId('diary-add').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('diary-add-dialog').waitFor();
  await page.getByTestId('diary-kind').focus();
  await page.getByTestId('diary-kind').selectOption(entry.kind);
  await page.getByTestId('diary-minutes').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(entry.minutes));
  for (const [index, person] of (entry.external ?? []).entries()) {
    await page.getByTestId('diary-add-external').focus();
    await page.keyboard.press('Enter');
    await page.locator(`#diary-external-${index}-name`).focus();
    await page.keyboard.type(person.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(person.body);
  }
  await page.getByTestId('diary-text').focus();
  await page.keyboard.type(entry.text);
}
