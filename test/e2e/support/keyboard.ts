import type { Page } from 'playwright-core';

/** Resolves after two animation frames: what the app schedules on the next frame has happened. */
export const settled = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * What a keyboard user does: move the focus to the control, then type or press a key. After a page
 * change the app moves the focus to the new heading on the next frame (for screen readers): let that
 * happen first, as a person would, or it would take the focus away mid-typing.
 */
export const keyboard = (page: Page) => ({
  type: async (testId: string, text: string) => {
    await settled(page);
    await page.getByTestId(testId).focus();
    await page.keyboard.type(text);
  },
  press: async (testId: string, key = 'Enter') => {
    await settled(page);
    await page.getByTestId(testId).focus();
    await page.keyboard.press(key);
  },
  choose: async (testId: string, option: { label: string } | string) => {
    await settled(page);
    await page.getByTestId(testId).focus();
    await page.getByTestId(testId).selectOption(option);
  },
});
