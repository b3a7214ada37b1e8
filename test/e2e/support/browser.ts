import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { E2E_ENV, required } from './e2e-env';

/** The web service the stack started, as people's browsers reach it. */
export const webUrl = () => required(E2E_ENV.webUrl);

/**
 * Debian's Chromium (scripts/ensure-tools.sh installs it), or CHROMIUM_PATH. A missing browser
 * fails the run.
 */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: run bash scripts/ensure-tools.sh (npm test does)');
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Run as root in CI containers, Chromium's sandbox cannot start.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/** Profiles browsing with JavaScript off: axe, itself a script, checks their pages elsewhere. */
const withoutJavaScript = new WeakSet<BrowserContext>();

/** A fresh browser profile: its own cookies, so each person signs in on their own. */
export async function newContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: webUrl(), ...options });
  // Long enough for a page on a busy test machine; short enough to fail with Playwright's own
  // message (what it waited for) before the test's timeout does.
  context.setDefaultTimeout(20_000);
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
  return context;
}

/**
 * The WCAG 2.2 AA rules axe-core knows, on the page as it is now. Called on every page a test
 * visits; a violation fails the test with axe's own description of what and where.
 */
export async function expectAccessible(page: Page): Promise<void> {
  if (withoutJavaScript.has(page.context())) {
    await expectAccessibleWithoutJavaScript(page);
    return;
  }
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const found = violations.map(
    (violation) =>
      `${page.url()}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes
        .map((node) => node.target.join(' '))
        .join('; ')}`,
  );
  if (found.length > 0) throw new Error(`axe found:\n${found.join('\n')}`);
  await expectReflow(page);
}

/**
 * WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a small phone, or 1280 at 400% zoom) nothing needs
 * scrolling sideways; a wide table may scroll inside its own region, the page may not.
 */
async function expectReflow(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    const width = await page.evaluate(
      () => (globalThis as any).document.documentElement.scrollWidth as number,
    );
    if (width > 320)
      throw new Error(`${page.url()} is ${width} px wide at 320 px: it does not reflow`);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

/**
 * A page as someone with JavaScript off got it: its HTML, exactly as served, checked by axe in a
 * page of its own that may run scripts (axe's), at the same address so its styles load too.
 */
async function expectAccessibleWithoutJavaScript(page: Page): Promise<void> {
  const html = await page.content();
  const context = await page.context().browser()!.newContext({ baseURL: webUrl() });
  try {
    const copy = await context.newPage();
    await copy.goto('/health');
    await copy.setContent(html, { waitUntil: 'load' });
    await expectAccessible(copy);
  } finally {
    await context.close();
  }
}

/** At the development identity provider's page: choose who to sign in as. */
export async function chooseIdentity(page: Page, email: string): Promise<void> {
  await page.waitForURL(/\/interaction\//);
  await page.getByRole('button', { name: new RegExp(email.replace(/[.+]/g, '\\$&')) }).click();
}
