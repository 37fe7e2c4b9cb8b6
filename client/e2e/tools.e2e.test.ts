import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, logIn, openBrowserSession, type BrowserSession } from './browser-session';

const STEEL_MEMBER = 'julien@acier-fensch.demo';
const FACILITATOR = 'animatrice@valolab.demo';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});

afterAll(async () => {
  await session?.close();
});

/** Types into one of GraphiQL's editors (Monaco) as a paste would: no auto-closed brackets or quotes. */
async function replaceEditorText(page: Page, editor: string, text: string) {
  await page.locator(editor).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Runs the query in the editor and returns the answer GraphiQL shows, once it is there and new. */
async function runAndRead(page: Page): Promise<string> {
  const response = page.locator('.graphiql-response');
  const before = await response.innerText().catch(() => '');
  await page.getByRole('button', { name: /Execute query/ }).click();
  await expect
    .poll(async () => {
      const text = (await response.innerText()).trim();
      return text.startsWith('{') && text !== before.trim() ? text : '';
    }, { timeout: 30_000 })
    .not.toBe('');
  return (await response.innerText()).replace(/\s+/g, ' ');
}

describe('the tools of integrators and facilitators, in a browser, against the real server', () => {
  it('creates a token, runs a query with it in GraphiQL at /graphql, revokes it, and is refused after', async () => {
    // The member makes a token on the workspace's page.
    const workspace = await session.newPage();
    await logIn(workspace, session.url, STEEL_MEMBER);
    await workspace.goto(`${session.url}/#/api-tokens`);
    await workspace.getByLabel('Nom du jeton').fill('Tableau de bord régional');
    await workspace.getByRole('button', { name: 'Créer le jeton' }).click();
    const token = (await workspace.getByLabel('Secret du jeton').innerText()).trim();
    expect(token.length).toBeGreaterThan(20);

    // GraphiQL, in a browser that is not logged in: served by the API's own address, from the app's bundle.
    const context = await session.newContext({ width: 1440, height: 900 });
    const outside: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:') outside.push(request.url());
    });
    const explorer = await context.newPage();
    await explorer.goto(`${session.url}/graphql`);
    await explorer.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await explorer.getByText('query Directory').waitFor();

    const anonymous = await runAndRead(explorer);
    expect(anonymous).toContain('UNAUTHENTICATED');

    await explorer.getByRole('button', { name: 'Headers' }).click();
    await replaceEditorText(explorer, '.graphiql-editor-tool .monaco-editor[data-uri$="headers.json"]', JSON.stringify({ Authorization: `Bearer ${token}` }));
    const answer = await runAndRead(explorer);
    expect(answer).toContain('"name": "Julien');
    expect(answer).toContain('"totalCount"');
    await explorer.screenshot({ path: path.join(ARTIFACTS, 'graphiql-1440x900.png') });

    // Revoked on the workspace: the same query in GraphiQL is now refused.
    await workspace.reload();
    await workspace.getByRole('button', { name: 'Révoquer' }).first().click();
    await workspace.getByRole('button', { name: 'Oui, révoquer' }).click();
    await workspace.getByText(/Révoqué/).first().waitFor();
    const refused = await runAndRead(explorer);
    expect(refused).toContain('UNAUTHENTICATED');
    expect(refused).not.toContain('Julien');

    expect(outside).toEqual([]);
  });

  it("downloads the territory's report for funders as PDF and CSV, and shows it printable", async () => {
    const page = await session.newPage({ width: 1440, height: 900 });
    await logIn(page, session.url, FACILITATOR);
    await page.getByRole('link', { name: 'Rapport' }).click();
    // Shown inside the page (in a shadow root, which the locators pierce), no longer in a frame.
    const preview = page.getByRole('region', { name: 'Aperçu imprimable du rapport' });
    await preview.getByRole('heading', { name: /Rapport du territoire — / }).waitFor();
    await expect.poll(() => preview.getByRole('heading', { name: 'Indicateurs par étape' }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-1440.png'), fullPage: true });

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^rapport-.+-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = (await readFile((await csv.path())!)).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFRubrique;Étape;Libellé;Indicateur;Unité;Bas;Central;Haut');
    expect(text).toContain(';Suggérées;');
  });

  it('imports a file for the facilitator: every problem shown with its row and nothing changed, then the fixed file applied', async () => {
    const header = 'territory_ref;organization_ref;organization_name;organization_kind;site_ref;site_name;city;latitude;longitude;flow_ref;direction;category;label;ewc_code;quantity;unit;period;visibility';
    const first = 'val-de-fensch;e2e-atelier;Atelier E2E;COMPANY;e2e-atelier-site;Atelier;Hayange;49,33;6,06;e2e-chutes;OUTPUT;WASTE;Chutes de bois brut;03 01 05;12;t;YEAR;TERRITORY';
    const second = (code: string) => `val-de-fensch;e2e-atelier;;;e2e-atelier-site;;;;;e2e-huiles;OUTPUT;WASTE;Huiles hydrauliques usagées;${code};2;t;YEAR;TERRITORY`;
    const page = await session.newPage({ width: 1440, height: 900 });
    await logIn(page, session.url, FACILITATOR);
    await page.getByRole('link', { name: 'Import' }).click();

    await page.getByLabel('Fichier à importer (.json ou .csv)').setInputFiles({ name: 'atelier.csv', mimeType: 'text/csv', buffer: Buffer.from([header, first, second('99 99 99')].join('\n')) });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Fichier refusé' });
    await failure.waitFor();
    const problem = failure.getByRole('row').filter({ hasText: 'ewc_code' });
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.getByRole('cell').first().innerText()).toBe('3');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-rejected-1440.png'), fullPage: true });
    await page.goto(`${session.url}/#/`);
    await page.getByRole('table').first().waitFor();
    expect(await page.getByText('Atelier E2E').count()).toBe(0);

    await page.goto(`${session.url}/#/import`);
    await page.getByLabel('Fichier à importer (.json ou .csv)').setInputFiles({ name: 'atelier.csv', mimeType: 'text/csv', buffer: Buffer.from([header, first, second('13 01 10*')].join('\n')) });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: 'Import de atelier.csv terminé' });
    await done.waitFor();
    expect((await done.getByRole('row').filter({ hasText: 'Flux' }).innerText()).replace(/\s+/g, ' ')).toBe('Flux 2 0 0');
  });

  it('lets a new person join by an invitation link, then log in with the password they chose', async () => {
    const page = await session.newPage({ width: 1440, height: 900 });
    await logIn(page, session.url, FACILITATOR);
    await page.getByRole('link', { name: /^Aciéries/ }).first().click();
    await page.getByRole('heading', { name: 'Inviter une personne' }).waitFor();
    await page.getByLabel('Son adresse e-mail').fill('lea.nouvelle@acier-fensch.demo');
    await page.getByRole('button', { name: 'Créer le lien d’invitation' }).click();
    const link = (await page.getByLabel('Lien d’invitation').innerText()).trim();
    expect(link).toMatch(new RegExp(`^${session.url}/#/join/fe2i_i_`));

    const newcomer = await session.newPage({ width: 390, height: 844 });
    await newcomer.goto(link);
    await newcomer.getByText(/Vous êtes invité·e à rejoindre Aciéries/).waitFor();
    await newcomer.screenshot({ path: path.join(ARTIFACTS, 'join-390.png'), fullPage: true });
    await newcomer.getByLabel('Votre nom').fill('Léa Nouvelle');
    await newcomer.getByLabel(/Choisissez un mot de passe/).fill('lea-secret-2026');
    await newcomer.getByRole('button', { name: 'Rejoindre' }).click();
    await newcomer.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await newcomer.getByText('Léa Nouvelle').first().waitFor();

    // The link is spent; the password works from the log-in form.
    const again = await session.newPage();
    await again.goto(link);
    await again.getByText(/Ce lien d’invitation n’est pas valable/).waitFor();
    await logIn(again, session.url, 'lea.nouvelle@acier-fensch.demo', 'lea-secret-2026');
    expect(await again.getByText('Léa Nouvelle').count()).toBeGreaterThan(0);
  });
});
