import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { clock } from '../../../src/platform/time/clock.ts';
import { ROME } from '../../../src/platform/time/rome.ts';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error('Chromium not found: install Debian’s chromium (apt-get install -y chromium) or set CHROMIUM_PATH');
  return found;
}

/**
 * Headless Debian Chromium with the flags this closed network needs (no background connections). Every
 * page is an office computer in Italy (Europe/Rome) whose clock is Trama's: when the suite runs on another
 * date (TRAMA_NOW), the page's Date starts there too and keeps flowing.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const newPage = async (options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await browser.newContext({ timezoneId: ROME, ...options });
    if (clock.offsetMs() !== 0) await context.clock.install({ time: clock.nowMs() });
    const page = await context.newPage();
    // As browser.newPage() does: the page owns its context.
    page.once('close', () => {
      // The browser may be closing already (end of the file): then so is the context.
      context.close().catch(() => undefined);
    });
    return page;
  };
  return Object.assign(browser, { newPage });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the page as it is now; fails on serious or critical violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Judge the page at rest: no hover from the last click, no colour transition half-way (a button
  // fading between states has an in-between contrast no user reads).
  await page.mouse.move(0, 0);
  // A dialog starts its fade-in only after its enter delay (the opacity transition is not running yet
  // when it is mounted): wait until every open dialog is fully shown, or its text is judged half-faded.
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.modal')).every((modal) => modal.classList.contains('show') && getComputedStyle(modal).opacity === '1'));
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's CSP (script-src 'self') refuses those.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, summary: n.failureSummary })) }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking, `${label}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

/**
 * Collects what the page's Content-Security-Policy refused (`securitypolicyviolation` events and the
 * console's CSP reports) from the next navigation on; `violations()` lists them.
 */
export async function watchCsp(page: Page): Promise<{ violations(): Promise<string[]> }> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${String(event.lineNumber)}`);
    });
  });
  return {
    violations: async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))],
  };
}
