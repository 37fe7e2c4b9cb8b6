import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, startServer, type TestServer } from './server';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/fe2i-directory.png';
// Public demo credentials, from server/src/demo/demo-accounts.ts.
const FACILITATOR = { email: 'animatrice@valolab.demo', password: 'valolab-demo-2026', name: 'Claire Animatrice' };

describe('the directory, in a browser, against the real server', () => {
  let clientDist: string | undefined;
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is required at ${CHROMIUM} for the end-to-end test (Debian: apt-get install chromium).`);
    }
    clientDist = await buildClient();
    server = await startServer(clientDist);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (clientDist) await rm(clientDist, { recursive: true, force: true });
  });

  it('shows the log-in form in French', async () => {
    await page.goto(server!.url);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.getByLabel('Adresse e-mail').waitFor();
    await page.getByLabel('Mot de passe').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it("says why a log-in failed", async () => {
    await page.getByLabel('Adresse e-mail').fill(FACILITATOR.email);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('lists the actors of the demo territory once the facilitator is logged in', async () => {
    await page.getByLabel('Mot de passe').fill(FACILITATOR.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Annuaire des acteurs' }).waitFor();
    await page.getByText(FACILITATOR.name).waitFor();

    const rows = page.getByRole('table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(25);
    const steelworks = rows.filter({ has: page.getByRole('rowheader', { name: 'Aciéries de la Fensch' }) });
    expect(await steelworks.count()).toBe(1);
    const cells = await steelworks.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('Entreprise');
    expect(Number(cells[3])).toBeGreaterThan(0); // a facilitator sees the flows of the territory

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('switches to English', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Directory of actors' }).waitFor();
    await page.getByRole('columnheader', { name: 'Visible flows' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('logs out, keeping the chosen language', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.getByLabel('Email address').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);

    await page.reload();
    await page.getByLabel('Email address').waitFor();
  });
});
