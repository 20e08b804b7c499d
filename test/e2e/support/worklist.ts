import type { Page } from 'playwright-core';

/**
 * On the worklist page, the references of the current tab's rows, page after page as a person reads
 * them (the pager's "next" until it is disabled). Waits for each page to replace the previous one.
 */
export async function worklistReferences(page: Page): Promise<string[]> {
  const rows = page.getByTestId('worklist-row');
  await rows.first().or(page.getByTestId('worklist-empty')).waitFor();
  const references: string[] = [];
  for (;;) {
    const heads = await rows.locator('th').allInnerTexts();
    references.push(...heads.map((text) => /\d{4}\/\d{6}/.exec(text)?.[0] ?? text));
    const next = page.getByTestId('worklist-pager-next');
    if ((await next.count()) === 0 || (await next.isDisabled())) return references;
    const first = heads[0] ?? '';
    await next.click();
    await page.waitForFunction((previous) => {
      const head = document.querySelector('[data-testid="worklist-row"] th');
      return head !== null && (head as HTMLElement).innerText !== previous;
    }, first);
  }
}
