import type { Page } from 'playwright-core';

/** Resolves after two animation frames: what the app schedules on the next frame has happened. */
export const settled = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Moves the focus to the control and makes sure it stays there: after a page change the app moves the
 * focus to the new heading on a later frame (for screen readers), which on a busy machine can come after
 * the first focus. Let that happen first, as a person would, or it would take the focus away mid-typing.
 */
async function focusKept(page: Page, testId: string): Promise<void> {
  const control = page.getByTestId(testId);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await settled(page);
    await control.focus();
    await settled(page);
    if (await control.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`the focus does not stay on ${testId}`);
}

/** What a keyboard user does: move the focus to the control, then type or press a key. */
export const keyboard = (page: Page) => ({
  type: async (testId: string, text: string) => {
    await focusKept(page, testId);
    await page.keyboard.type(text);
  },
  press: async (testId: string, key = 'Enter') => {
    await focusKept(page, testId);
    await page.keyboard.press(key);
  },
  choose: async (testId: string, option: { label: string } | string) => {
    await focusKept(page, testId);
    await page.getByTestId(testId).selectOption(option);
  },
});
