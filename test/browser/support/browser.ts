// A real Chromium (Debian's, at /usr/bin/chromium) driven by playwright-core, against the real API
// listening on a free port (with the worker of the test stack), plus the checks every page gets:
// axe-core with no serious or critical violation, and no console error (a CSP refusal shows there).
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '../../../src/project-root.js';
import { createTestApp, type TestApp } from '../../support/app.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ConsoleServer {
  t: TestApp;
  base: string;
  close(): Promise<void>;
}

/** The API as main.ts builds it, listening on a free port; the console at `${base}/console`. */
export async function startConsoleServer(env: Record<string, string> = {}): Promise<ConsoleServer> {
  const t = await createTestApp(env);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as { port: number };
  return { t, base: `http://127.0.0.1:${port}`, close: () => t.close() };
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP refusals, failed scripts, React errors). */
  problems: string[];
}

export async function newVisitor(browser: Browser, lang: 'id' | 'en' = 'id'): Promise<Visitor> {
  const context = await browser.newContext({ locale: lang === 'id' ? 'id-ID' : 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // A refused request (401 on sign-in, 409 on an action) is logged by the browser as a console
    // error too; those are answers the page shows, not defects.
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** axe-core on the page as it is now: every serious or critical violation, with where it is. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Screenshots for the README, written only when asked (npm run docs:screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.TENGGAT_SCREENSHOTS !== '1') return;
  const dir = join(projectRoot(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  // The whole page, up to a screen and a half (an auditor's timeline runs long).
  const height = (await page.locator('body').boundingBox())?.height ?? 900;
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.min(height, 1400) } });
}

/** Reloads until `locator` shows (the read model follows the workflow a moment later). */
export async function untilVisible(page: Page, locator: Locator, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 3000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
}

export async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/console/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}
