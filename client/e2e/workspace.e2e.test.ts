import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, logIn, openBrowserSession, scrollWidth, type BrowserSession } from './browser-session';

// Public demo credentials, from server/src/db/seeders/demo-accounts.ts.
const STEEL_MEMBER = 'julien@acier-fensch.demo';
const JOINERY_MEMBER = 'sofia@menuiserie-knutange.demo';
const FACILITATOR = 'animatrice@valolab.demo';
const STEELWORKS = 'Aciéries de la Fensch';
const FLOW_LABEL = 'Réfractaires usagés (essai e2e)';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

describe('the workspace (flows, directory, API tokens), in a browser, against the real server', () => {
  let session: BrowserSession;
  let url: string;

  const newPage = (viewport = { width: 1280, height: 900 }) => session.newPage(viewport);

  beforeAll(async () => {
    session = await openBrowserSession();
    url = session.url;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows "page introuvable" at an address that names no page, not the directory', async () => {
    const page = await newPage();
    await logIn(page, url, JOINERY_MEMBER);
    await page.goto(`${url}/#/nulle-part`);
    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Annuaire des acteurs' }).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'not-found-1280.png'), fullPage: true });
  });

  it("a member declares a flow through the form, sees a bad value's error at its field, and another member's open directory and the facilitator's open synergies page update without reload", async () => {
    // The other member watches the steelworks in the directory and on its page.
    const watcher = await newPage();
    await logIn(watcher, url, JOINERY_MEMBER);
    const steelRow = watcher.getByRole('table').locator('tbody tr').filter({ has: watcher.getByRole('rowheader', { name: STEELWORKS }) });
    await steelRow.waitFor();
    const visibleFlows = async () => Number((await steelRow.getByRole('cell').nth(3).textContent())?.replace(/\s/g, ''));
    const before = await visibleFlows();
    const organizationPage = await newPage();
    await logIn(organizationPage, url, JOINERY_MEMBER);
    await organizationPage.getByRole('link', { name: STEELWORKS }).click();
    await organizationPage.getByRole('heading', { level: 1, name: STEELWORKS }).waitFor();
    await organizationPage.getByRole('heading', { name: /Sites \(\d+\)/ }).waitFor();
    expect(await organizationPage.getByRole('heading', { name: FLOW_LABEL }).count()).toBe(0);
    // The facilitator watches the territory's open synergies: the declared slag is suggested a taker.
    const synergiesPage = await newPage();
    await logIn(synergiesPage, url, FACILITATOR);
    await synergiesPage.getByRole('link', { name: 'Synergies', exact: true }).click();
    const synergyList = synergiesPage.getByRole('region', { name: 'Synergies, meilleur score en premier' });
    await synergyList.getByRole('article').first().waitFor();
    const openSynergies = async () => Number((await synergyList.getByRole('status').first().textContent())?.replace(/\D/g, '') || NaN);
    await expect.poll(openSynergies).toBeGreaterThan(0);
    const synergiesBefore = await openSynergies();

    const page = await newPage();
    await logIn(page, url, STEEL_MEMBER);
    await page.getByRole('link', { name: 'Mes flux' }).click();
    await page.getByRole('heading', { name: 'Mes flux' }).waitFor();
    await page.getByRole('link', { name: 'Déclarer un flux' }).click();
    await page.getByRole('heading', { name: 'Déclarer un flux' }).waitFor();

    // Category first: the rest of the form appears once it is chosen.
    expect(await page.getByLabel('Nom du flux').count()).toBe(0);
    await page.getByLabel('Type de ressource').selectOption({ label: 'Déchet' });
    await page.getByLabel('Site', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Nom du flux').fill(FLOW_LABEL);
    const wasteCode = page.getByLabel('Code déchet (nomenclature européenne)');
    await wasteCode.fill('99 99 99'); // typed, not chosen: sent as is
    expect(await page.getByLabel('Température (°C)').count()).toBe(0); // not asked for a waste
    await page.getByLabel('Unité').selectOption('TONNE');
    await page.getByLabel('Forme physique').selectOption({ label: 'Solide' });
    await page.getByLabel('Toute l’année').uncheck();
    await page.getByLabel('mars').check();
    await page.getByLabel('avr.').check();
    await page.getByLabel('Où va-t-il aujourd’hui ?').selectOption({ label: 'Enfouissement' });
    await page.getByLabel('Ce qu’il vous coûte par an (€)').fill('4 500');
    await page.getByRole('radio', { name: 'Public', exact: true }).check();
    await page.getByText('Toute personne connectée voit le flux').waitFor();

    // A quantity of 0 and an unknown code pass the form's own checks; the server refuses both, and the page says
    // so at each field, in French.
    const quantity = page.getByLabel('Quantité');
    await quantity.fill('0');
    await page.getByRole('button', { name: 'Déclarer ce flux' }).click();
    await page.getByText('Indiquez une quantité supérieure à 0').waitFor();
    const problemOf = async (field: typeof quantity) => {
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const [problemId] = (await field.getAttribute('aria-describedby'))!.split(' ');
      return page.locator(`[id="${problemId}"]`).textContent();
    };
    expect(await problemOf(quantity)).toBe('Indiquez une quantité supérieure à 0, ou laissez vide si vous ne la connaissez pas.');
    expect(await problemOf(wasteCode)).toBe('« 99 99 99 » n’est pas un code de la nomenclature européenne des déchets.');
    expect(await wasteCode.evaluate((element) => element === document.activeElement)).toBe(true); // the first to fix
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-form-error-1280.png'), fullPage: true });

    await wasteCode.fill('10 02 02');
    await page.getByRole('button', { name: /10 02 02/ }).click();
    await page.getByText(/^Choisi : /).waitFor();
    await quantity.fill('120');
    await page.getByRole('button', { name: 'Déclarer ce flux' }).click();
    await page.getByRole('heading', { name: 'Mes flux' }).waitFor();
    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: FLOW_LABEL }) });
    await card.waitFor();
    expect(await card.textContent()).toContain('120 t par an');
    await page.screenshot({ path: path.join(ARTIFACTS, 'flows-declared-1280.png'), fullPage: true });

    // The other member's pages follow without reload: the count in the directory, the flow on the organisation page.
    await expect.poll(visibleFlows, { timeout: 15_000 }).toBe(before + 1);
    await organizationPage.getByRole('heading', { name: FLOW_LABEL }).waitFor({ timeout: 15_000 });
    // And the facilitator's list counts the new suggestion (synergyChanged SUGGESTED re-runs its queries).
    await expect.poll(openSynergies, { timeout: 15_000 }).toBe(synergiesBefore + 1);
    await synergiesPage.screenshot({ path: path.join(ARTIFACTS, 'synergies-live-1280.png'), fullPage: true });
    await watcher.screenshot({ path: path.join(ARTIFACTS, 'directory-live-1280.png'), fullPage: true });
    await organizationPage.screenshot({ path: path.join(ARTIFACTS, 'organization-live-1280.png'), fullPage: true });

    // Editing the flow keeps what was declared; archiving it takes it off the list.
    await card.getByRole('link', { name: `Modifier « ${FLOW_LABEL} »` }).click();
    await page.getByRole('heading', { name: 'Modifier un flux' }).waitFor();
    expect(await page.getByLabel('Quantité').inputValue()).toBe('120');
    expect(await page.getByLabel('mars').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Archiver ce flux' }).click();
    await page.getByRole('heading', { name: 'Mes flux' }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: FLOW_LABEL }).count()).toBe(0);
    await expect.poll(visibleFlows, { timeout: 15_000 }).toBe(before);

    // An archived flow can be found again and made active.
    await page.getByLabel('Afficher les flux archivés').check();
    const archived = page.getByRole('article').filter({ has: page.getByRole('heading', { name: FLOW_LABEL }) });
    await archived.getByText('Archivé').waitFor();
    await archived.getByRole('link', { name: `Modifier « ${FLOW_LABEL} »` }).click();
    await page.getByRole('button', { name: 'Remettre ce flux en service' }).click();
    await page.getByRole('heading', { name: 'Mes flux' }).waitFor();
    await page.getByLabel('Afficher les flux archivés').uncheck();
    await page.getByRole('heading', { name: FLOW_LABEL }).waitFor();
    await expect.poll(visibleFlows, { timeout: 15_000 }).toBe(before + 1);
  });

  it('a member adds a site to their organisation and edits it, a coordinate out of range refused at its field each time', async () => {
    const page = await newPage();
    await logIn(page, url, STEEL_MEMBER);
    await page.getByRole('link', { name: STEELWORKS }).click();
    await page.getByRole('heading', { name: 'Sites (2)' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter un site' }).click();
    await page.getByLabel('Nom du site').fill('Dépôt de Hayange (e2e)');
    await page.getByLabel('Commune').fill('Hayange');
    const latitude = page.getByLabel('Latitude');
    // A click on the form's map places the site: both coordinates are filled in, near the organisation's sites.
    const placer = page.getByRole('group', { name: 'Carte pour placer le site' });
    await placer.locator('.leaflet-container').click({ position: { x: 60, y: 60 } });
    await expect.poll(() => latitude.inputValue()).toMatch(/^49,\d+$/);
    expect(await page.getByLabel('Longitude').inputValue()).toMatch(/^[5-6],\d+$/);
    expect(await placer.locator('path.placed-site-marker').count()).toBe(1);
    // The open form with its map passes axe (WCAG 2.1 A/AA: no serious or critical violation).
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await latitude.fill('123');
    await page.getByLabel('Longitude').fill('6,0617');
    await page.getByRole('button', { name: 'Ajouter ce site' }).click();
    await page.getByText('La valeur doit être au plus 90.').waitFor();
    expect(await latitude.getAttribute('aria-invalid')).toBe('true');
    await latitude.fill('49,3291');
    await page.getByRole('button', { name: 'Ajouter ce site' }).click();
    await page.getByRole('heading', { name: 'Sites (3)' }).waitFor();
    await page.getByText('Dépôt de Hayange (e2e)').waitFor();
    // Every site is on the organisation's map.
    const map = page.getByRole('group', { name: `Carte des sites — ${STEELWORKS}` });
    await expect.poll(() => map.locator('path.organization-site-marker').count()).toBe(3);

    // Then edits it: a bad coordinate is refused at its field, a good one moves it and renames it.
    await page.getByRole('button', { name: 'Modifier ce site : Dépôt de Hayange (e2e)' }).click();
    const editor = page.getByRole('form', { name: 'Modifier le site « Dépôt de Hayange (e2e) »' });
    expect(await editor.getByLabel('Latitude').inputValue()).toBe('49,3291');
    await editor.getByLabel('Longitude').fill('-200');
    await editor.getByRole('button', { name: 'Enregistrer le site' }).click();
    await editor.getByText('La valeur doit être au moins -180.').waitFor();
    expect(await editor.getByLabel('Longitude').getAttribute('aria-invalid')).toBe('true');
    await editor.getByLabel('Nom du site').fill('Dépôt de Serémange (e2e)');
    await editor.getByLabel('Commune').fill('Serémange-Erzange');
    await editor.getByLabel('Longitude').fill('6,0901');
    await editor.getByRole('button', { name: 'Enregistrer le site' }).click();
    await page.getByText('Dépôt de Serémange (e2e)').waitFor();
    await page.getByRole('heading', { name: 'Sites (3)' }).waitFor();
    expect(await page.getByText('Dépôt de Hayange (e2e)').count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Modifier ce site : Dépôt de Serémange (e2e)' }).click();
    expect(await page.getByLabel('Longitude').inputValue()).toBe('6,0901');
    await page.getByRole('button', { name: 'Annuler' }).click();

    // The new site is offered when declaring a flow.
    await page.getByRole('link', { name: 'Mes flux' }).click();
    await page.getByRole('link', { name: 'Déclarer un flux' }).click();
    await page.getByLabel('Type de ressource').selectOption({ label: 'Eau' });
    expect(await page.getByLabel('Site', { exact: true }).locator('option').allTextContents()).toContain(
      'Aciéries de la Fensch — Dépôt de Serémange (e2e) (Serémange-Erzange)',
    );
  });

  it('searches the directory by name, commune and sector, and filters by kind, sector and commune, in French', async () => {
    const page = await newPage();
    await logIn(page, url, JOINERY_MEMBER);
    const search = page.getByLabel('Rechercher par nom, commune ou secteur');
    await search.fill('acieries de la f');
    const rows = page.getByRole('table').locator('tbody tr');
    const names = () => rows.getByRole('rowheader').allTextContents();
    await expect.poll(names).toEqual([STEELWORKS]);
    await search.fill('');
    await page.getByLabel('Type').selectOption({ label: 'Collectivité' });
    await expect.poll(async () => new Set(await rows.locator('.kind').allTextContents())).toEqual(new Set(['Collectivité']));
    await page.getByLabel('Type').selectOption({ label: 'Tous les types' });

    // Words of a sector's label find its organisations; so do those of a commune.
    await search.fill('sidérurgie');
    await expect.poll(names).toContain(STEELWORKS);
    await search.fill('');

    // Sector AND commune: the manufacturers with a site in Florange, each in the "Industrie manufacturière" section.
    await page.getByLabel('Secteur d’activité').selectOption({ label: 'Industrie manufacturière' });
    // More than the one row the sector search left (the demo has over ten manufacturers), every one of that sector.
    await expect.poll(async () => (await names()).length).toBeGreaterThan(5);
    expect(new Set(await rows.locator('td.sector').allTextContents())).toEqual(new Set(['Industrie manufacturière']));
    const manufacturers = (await names()).length;
    await page.getByLabel('Commune (nom complet)').fill('florange');
    await expect.poll(async () => (await names()).length).toBeLessThan(manufacturers);
    expect(await names()).toContain(STEELWORKS);
    expect(new Set(await rows.locator('td.sector').allTextContents())).toEqual(new Set(['Industrie manufacturière']));
    // Each row shows the commune searched for (the steelworks' first site is in Serémange-Erzange).
    expect(new Set(await rows.locator('td:nth-of-type(2)').allTextContents())).toEqual(new Set(['Florange']));
    await page.screenshot({ path: path.join(ARTIFACTS, 'directory-filtered-1280.png'), fullPage: true });
    await page.getByLabel('Commune (nom complet)').fill('Nulle-Part-sur-Fensch');
    await page.getByText('Aucun acteur ne correspond à cette recherche.').waitFor();
  });

  it('lets an integrator create a token, see its secret once, see when it was last used, and revoke it', async () => {
    const page = await newPage();
    await logIn(page, url, STEEL_MEMBER);
    await page.getByRole('link', { name: 'Jetons d’API' }).click();
    await page.getByRole('heading', { name: 'Jetons d’API', level: 1 }).waitFor();
    await page.getByLabel('Nom du jeton').fill('Export ERP e2e');
    await page.getByRole('button', { name: 'Créer le jeton' }).click();
    const secret = await page.getByLabel('Secret du jeton').textContent();
    expect(secret?.length).toBeGreaterThan(20);

    // The secret authenticates the API, then disappears from the page for good.
    const asToken = () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ viewer { email } }' }),
      }).then((response) => response.json() as Promise<{ data?: { viewer: { email: string } | null } }>);
    expect((await asToken()).data?.viewer?.email).toBe(STEEL_MEMBER);
    await page.getByRole('button', { name: 'C\'est copié' }).click();
    expect(await page.getByText(secret!).count()).toBe(0);

    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Export ERP e2e' }) });
    // The page says when the token was last used: the request above, once the list is read again.
    const lastUse = async () => {
      await page.reload();
      return item.getByText(/· dernière utilisation le \d/).waitFor({ timeout: 5_000 }).then(() => true, () => false);
    };
    await expect.poll(lastUse, { timeout: 30_000 }).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'api-tokens-created-1280.png'), fullPage: true });
    await item.getByRole('button', { name: 'Révoquer' }).click();
    await item.getByRole('button', { name: 'Oui, révoquer' }).click();
    await item.getByText(/Révoqué le/).waitFor();
    expect((await asToken()).data?.viewer ?? null).toBeNull();
  });

  it.each([PHONE, DESKTOP])('has no horizontal scroll at $width×$height on the pages it touches', async (viewport) => {
    const page = await newPage(viewport);
    await logIn(page, url, STEEL_MEMBER);
    const pages: [string, string, () => Promise<unknown>][] = [
      ['directory', '#/', () => page.getByRole('heading', { name: 'Annuaire des acteurs' }).waitFor()],
      ['organization', '#/', async () => {
        await page.getByRole('link', { name: STEELWORKS }).click();
        await page.getByRole('heading', { name: /^Synergies qui vous concernent/ }).waitFor();
      }],
      ['flows', '#/flows', () => page.getByRole('heading', { name: /^Flux de / }).first().waitFor()],
      ['flow-form', '#/flows/new', async () => {
        // The whole form, with its longest lines: a waste output with the code search open.
        await page.getByLabel('Type de ressource').selectOption({ label: 'Déchet' });
        await page.getByLabel('Code déchet (nomenclature européenne)').fill('laitier');
        await page.getByRole('button', { name: /10 02/ }).first().waitFor();
        await page.getByLabel('Toute l’année').uncheck();
      }],
      ['synergies', '#/synergies', () => page.getByRole('article').first().waitFor()],
      ['synergy', '#/synergies', async () => {
        await page.getByRole('article').first().getByRole('link').first().click();
        await page.getByRole('heading', { name: 'Pourquoi cette synergie' }).waitFor();
      }],
      ['api-tokens', '#/api-tokens', () => page.getByRole('heading', { name: 'Vos jetons' }).waitFor()],
      ['not-found', '#/nulle-part', () => page.getByRole('heading', { name: 'Page introuvable' }).waitFor()],
    ];
    for (const [name, hash, ready] of pages) {
      await page.goto(`${url}/${hash}`);
      await ready();
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${viewport.width}.png`), fullPage: true });
      expect(await scrollWidth(page), name).toBeLessThanOrEqual(viewport.width);
    }
  });
});
