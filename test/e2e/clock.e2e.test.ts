import { describe, expect, it } from 'vitest';
import { clock } from '../../src/platform/time/clock.ts';
import { dayInRome } from '../../src/platform/time/rome.ts';
import { useE2eSession } from './support/session.ts';

describe('the browser keeps Trama’s clock', () => {
  const session = useE2eSession();

  it('a form dated today opens on the server’s today in Italy, on whatever date the suite runs', async () => {
    const page = await session.browser.newPage();
    await session.signIn(page, 'assistente');
    await page.goto(`${session.server.url}/contributions/meeting`);
    const heldOn = page.locator('#meeting-held-on');
    await heldOn.waitFor();
    expect(await heldOn.inputValue()).toBe(dayInRome());
    // The page's clock is an office computer's in Italy, minutes at most from the server's.
    // eslint-disable-next-line no-restricted-syntax -- read in the page: its own clock is what is checked
    const seen = await page.evaluate(() => ({ now: Date.now(), zone: Intl.DateTimeFormat().resolvedOptions().timeZone }));
    expect(seen.zone).toBe('Europe/Rome');
    expect(Math.abs(seen.now - clock.nowMs())).toBeLessThan(120_000);
    await page.close();
  });
});
