import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, logIn, openBrowserSession, type BrowserSession } from './browser-session';

/**
 * A fresh instance without demo data, entered as its operator would: the first start prints a setup link in the
 * server's log; opened in the browser, it creates the first facilitator, who logs out and in again. Then that
 * facilitator forgets the password: the log-in page asks for a link, which (no SMTP configured) the server prints;
 * the new password works, the old one no longer does, and the link works once.
 */

let session: BrowserSession;
const EMAIL = 'claire@valolab.example';
const FIRST_PASSWORD = 'premier-secret-2026';
const NEW_PASSWORD = 'nouveau-secret-2026';

beforeAll(async () => {
  session = await openBrowserSession({ seedDemo: false });
});

afterAll(async () => {
  await session?.close();
});

describe('entering a fresh instance, in a browser, against the real server', () => {
  it('the setup link printed at start creates the first facilitator, once', async () => {
    const [, setupPath] = await session.server.waitForOutput(/https?:\/\/[^/\s]+(\/#\/setup\/fe2i_f_[\w-]+)/);
    const page = await session.newPage({ width: 390, height: 844 });
    await page.goto(`${session.url}${setupPath}`);
    await page.getByRole('heading', { name: 'Première mise en route de FE2I' }).waitFor();

    // A too short password is refused at its field, in French; nothing is created.
    await page.getByLabel('Votre nom').fill('Claire Animatrice');
    await page.getByLabel('Votre adresse e-mail (votre identifiant)').fill(EMAIL);
    await page.getByLabel('Choisissez un mot de passe (10 caractères au moins)').fill('court');
    await page.getByLabel('Nom du territoire que vous animez').fill('Val de Fensch');
    await page.getByLabel('Nom de votre structure d’animation').fill("VALO'LAB");
    await page.getByRole('button', { name: 'Créer le compte et entrer' }).click();
    const password = page.getByLabel('Choisissez un mot de passe (10 caractères au moins)');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Le mot de passe doit compter au moins 10 caractères.').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'onboarding-setup-problem-390.png'), fullPage: true });

    await password.fill(FIRST_PASSWORD);
    await page.getByRole('button', { name: 'Créer le compte et entrer' }).click();
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await page.getByText('Claire Animatrice').first().waitFor();
    // A facilitator's navigation: the import page is theirs.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: /Import/ }).waitFor();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    // Logged out once the log-in form shows (reloading before would keep the session).
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await logIn(page, session.url, EMAIL, FIRST_PASSWORD);

    // The link is spent.
    const again = await session.newPage();
    await again.goto(`${session.url}${setupPath}`);
    await again.getByText(/Ce lien de mise en route n’est pas valable/).waitFor();
  }, 120_000);

  it('a forgotten password is reset from the log-in page with the link the server prints, once', async () => {
    const page = await session.newPage();
    await page.goto(session.url);
    await page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
    const mark = session.server.outputMark();
    await page.getByLabel('Adresse e-mail de votre compte').fill(EMAIL);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page.getByText('Si un compte utilise cette adresse, un lien valable une heure vient de lui être envoyé.').waitFor();
    const [, resetPath] = await session.server.waitForOutput(/https?:\/\/[^/\s]+(\/#\/reset\/fe2i_r_[\w-]+)/, mark);

    await page.goto(`${session.url}${resetPath}`);
    await page.getByLabel('Nouveau mot de passe (10 caractères au moins)').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();

    // The old password fails, the new one works.
    await page.getByLabel('Adresse e-mail').fill(EMAIL);
    await page.getByLabel('Mot de passe').fill(FIRST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await logIn(page, session.url, EMAIL, NEW_PASSWORD);

    // The link works once: opened again, it is refused and the password stays.
    const again = await session.newPage();
    await again.goto(`${session.url}${resetPath}`);
    await again.getByLabel('Nouveau mot de passe (10 caractères au moins)').fill('encore-un-secret-1');
    await again.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
    await again.getByRole('alert').waitFor();
    expect(await again.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    await logIn(again, session.url, EMAIL, NEW_PASSWORD);
  }, 120_000);
});
