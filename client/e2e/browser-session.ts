import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildClient, clientDir, startServer, type ServerOptions, type TestServer } from './server';

/** Debian's Chromium: the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots the tests save (gitignored). */
export const ARTIFACTS = path.join(clientDir, 'e2e', 'artifacts');

export interface Viewport {
  width: number;
  height: number;
}

/**
 * One end-to-end test file's world: the client built, the real server started on a database of its own, and a
 * headless Chromium whose contexts (one per person in the story) are closed with it.
 */
export interface BrowserSession {
  url: string;
  server: TestServer;
  browser: Browser;
  newContext(viewport?: Viewport): Promise<BrowserContext>;
  newPage(viewport?: Viewport): Promise<Page>;
  close(): Promise<void>;
}

export async function openBrowserSession(options: ServerOptions = {}): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is required at ${CHROMIUM} for the end-to-end test (Debian: apt-get install chromium).`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const clientDist = await buildClient();
  const server = await startServer(clientDist, options);
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const newContext = async (viewport: Viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ viewport, locale: 'fr-FR' });
    contexts.push(context);
    return context;
  };
  return {
    url: server.url,
    server,
    browser,
    newContext,
    newPage: async (viewport) => (await newContext(viewport)).newPage(),
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.stop();
      await rm(clientDist, { recursive: true, force: true });
    },
  };
}

/** Debian's headless Chromium. */
export function launchChromium(): Promise<Browser> {
  // Without the background-networking flags Chromium tries to reach Google's hosts, which this machine refuses.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = 'valolab-demo-2026';

/** Logs a demo account in through the page's own form, and waits for the workspace to show. */
export async function logIn(page: Page, url: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(url);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
}

/** How wide the page is: no wider than the window, or the reader scrolls sideways. */
export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth);
}
