import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction } from '../src/features/projects/plan/plan-model';
import { ARTIFACTS, DEMO_PASSWORD, logIn, openBrowserSession, scrollWidth, type BrowserSession } from './browser-session';
import {
  addActionThroughForm,
  apiTokenOf,
  graphql,
  notes,
  notesText,
  openPlanAsIntegrator,
  openProject,
  planState,
  STATE,
  storedUpdates,
  typeInNotes,
  waitForAction,
  waitForNotesText,
  waitForState,
  watchForText,
  watchSyncStatus,
} from './plan-session';

// Demo accounts and projects (server/src/demo): the steelworks leads the heat network, where the authority is a
// partner; in the pallets project the steelworks is a partner and the authority an observer (read-only).
const STEEL = 'julien@acier-fensch.demo';
const AUTHORITY = 'marc@agglo-fensch.demo';
const HEAT_NETWORK = 'Réseau de chaleur : la chaleur fatale des Aciéries pour la zone de Florange';
const PALLETS = 'Collecte mutualisée des palettes bois du Val de Fensch';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('the plan, co-edited live in two browsers against the real server', () => {
  let session: BrowserSession;
  let url: string;
  let steelContext: BrowserContext;
  let authorityContext: BrowserContext;
  let steel: Page;
  let authority: Page;
  /** How long each edit took to show on the other side (ms), written to the artifacts: timing is not asserted. */
  const latencies: Record<string, number> = {};

  beforeAll(async () => {
    session = await openBrowserSession();
    url = session.url;
    steelContext = await session.newContext(DESKTOP);
    authorityContext = await session.newContext(DESKTOP);
    steel = await steelContext.newPage();
    authority = await authorityContext.newPage();
    await logIn(steel, url, STEEL);
    await logIn(authority, url, AUTHORITY);
    await openProject(steel, HEAT_NETWORK);
    await openProject(authority, HEAT_NETWORK);
  });

  afterAll(async () => {
    if (Object.keys(latencies).length > 0) {
      await writeFile(path.join(ARTIFACTS, 'plan-editor-latencies.json'), `${JSON.stringify(latencies, null, 2)}\n`);
    }
    await session?.close();
  });

  it('shows who is on the plan, with their organisation', async () => {
    const presence = (page: Page) => page.getByRole('list', { name: 'Présents sur le plan' });
    await presence(steel).getByText("Marc Lambert (Communauté d'Agglomération du Val de Fensch)", { exact: true }).waitFor();
    await presence(authority).getByText('Julien Weber (Aciéries de la Fensch)', { exact: true }).waitFor();
    expect(await presence(steel).getByRole('listitem').first().textContent()).toBe('Julien Weber (Aciéries de la Fensch) (vous)');
  });

  it("each sees the other's text and new action, live", async () => {
    // Each delay runs from the last keystroke (or the click) to the text showing in the other page.
    let watch = await watchForText(authority, "L'aciérie livre 4 MW de chaleur fatale.");
    await typeInNotes(steel, "L'aciérie livre 4 MW de chaleur fatale.");
    let done = Date.now();
    latencies.textSteelToAuthority = (await watch.seenAt()) - done;
    watch = await watchForText(steel, "L'agglomération porte le réseau.");
    await typeInNotes(authority, " L'agglomération porte le réseau.");
    done = Date.now();
    latencies.textAuthorityToSteel = (await watch.seenAt()) - done;

    watch = await watchForText(steel, 'Étude de raccordement au réseau');
    await addActionThroughForm(authority, 'Étude de raccordement au réseau');
    done = Date.now();
    latencies.actionAuthorityToSteel = (await watch.seenAt()) - done;
    await waitForAction(steel, 'Étude de raccordement au réseau');
    await steel.getByLabel('Statut de l’action 1').selectOption('IN_PROGRESS');
    await authority.waitForFunction(() => (document.querySelector('select[aria-label="Statut de l’action 1"]') as HTMLSelectElement | null)?.value === 'IN_PROGRESS');
    expect(await authority.getByLabel('Statut de l’action 1').inputValue()).toBe('IN_PROGRESS');

    await steel.getByLabel('Résumé').fill('Valoriser la chaleur fatale des Aciéries dans le réseau de Florange.');
    await authority.waitForFunction(() => (document.querySelector('.plan-summary textarea') as HTMLTextAreaElement | null)?.value.startsWith('Valoriser'));
    expect(await authority.getByLabel('Résumé').inputValue()).toBe('Valoriser la chaleur fatale des Aciéries dans le réseau de Florange.');
  });

  it('edits made offline are kept and merge with the others on reconnection', async () => {
    await authorityContext.setOffline(true);
    await waitForState(authority, STATE.offline);
    await typeInNotes(authority, ' Écrit hors ligne par l’agglomération.');
    await addActionThroughForm(authority, 'Action décidée hors ligne');
    await typeInNotes(steel, ' Écrit pendant la coupure par l’aciérie.');
    await waitForState(steel, STATE.connected);
    // Nothing left the offline browser: the steelworks' copy has its own edit, not the authority's.
    expect(await notesText(steel)).not.toContain('Écrit hors ligne');
    expect(await planState(authority).textContent()).toBe(STATE.offline);

    await authorityContext.setOffline(false);
    await waitForNotesText(steel, 'Écrit hors ligne par l’agglomération.');
    await waitForAction(steel, 'Action décidée hors ligne');
    await waitForNotesText(authority, 'Écrit pendant la coupure par l’aciérie.');
    await waitForState(authority, STATE.connected);
    expect(await notesText(authority)).toBe(await notesText(steel));
    expect(await notesText(steel)).toContain('Écrit hors ligne par l’agglomération.');
  });

  it('edits made offline survive closing the page: kept in IndexedDB, sent when the plan is opened again', async () => {
    const page = await authorityContext.newPage();
    await page.goto(url);
    await openProject(page, HEAT_NETWORK);
    const stored = await storedUpdates(page);
    await authorityContext.setOffline(true);
    await waitForState(page, STATE.offline);
    await typeInNotes(page, ' Gardé dans ce navigateur.');
    // y-indexeddb writes each update as it happens: wait until it is on disk, then close the page unsent.
    await expect.poll(() => storedUpdates(page), { timeout: 30_000 }).toBeGreaterThan(stored);
    await page.close();
    expect(await notesText(steel)).not.toContain('Gardé dans ce navigateur.');

    await authorityContext.setOffline(false);
    const again = await authorityContext.newPage();
    await again.goto(url);
    await openProject(again, HEAT_NETWORK);
    await waitForNotesText(steel, 'Gardé dans ce navigateur.');
    await again.close();
  });

  it('budget lines and expected indicators are shared the same way', async () => {
    // The demo plan already has budget lines: the new one comes last and adds its amount to the total.
    const euros = async () => Number((await steel.getByText(/^Total : /).innerText()).replace(/\D/g, ''));
    const lines = await steel.getByLabel(/^Financeur de la ligne \d+$/).count();
    const before = lines ? await euros() : 0;
    await authority.getByLabel('Nouvelle ligne : poste').fill('Échangeur et raccordement');
    await authority.getByLabel('Montant (€)', { exact: true }).fill('185000');
    await authority.getByLabel('Financeur', { exact: true }).fill('ADEME Fonds chaleur');
    await authority.getByRole('button', { name: 'Ajouter la ligne' }).click();
    const added = steel.getByLabel(`Financeur de la ligne ${lines + 1}`, { exact: true });
    await added.waitFor();
    expect(await added.inputValue()).toBe('ADEME Fonds chaleur');
    await expect.poll(euros).toBe(before + 185_000);

    await steel.getByLabel('Nouvel indicateur').fill('Chaleur livrée');
    await steel.getByLabel('Unité', { exact: true }).fill('MWh/an');
    await steel.getByLabel('Valeur attendue', { exact: true }).fill('24000');
    await steel.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
    const expected = authority.getByLabel('Valeur attendue : Chaleur livrée (MWh/an)');
    await expected.waitFor();
    expect(await expected.inputValue()).toBe('24000');
  });

  it("an integrator's write through the API's /collab client appears in both browsers", async () => {
    const projectId = decodeURIComponent(steel.url().split('#/projects/')[1]);
    const token = await apiTokenOf(url, STEEL, DEMO_PASSWORD);
    const { data } = await graphql(url, 'query($id: ID!) { project(id: $id) { planDocumentName } }', { id: projectId }, { token });
    const integrator = await openPlanAsIntegrator(url, data.project.planDocumentName, token);
    try {
      const inSteel = await watchForText(steel, 'Convention de raccordement (intégration)');
      const inAuthority = await watchForText(authority, 'Convention de raccordement (intégration)');
      const written = Date.now();
      addAction(integrator.doc, { title: 'Convention de raccordement (intégration)', ownerOrganizationId: null, dueDate: '2027-06-30', status: 'TODO' });
      await integrator.acknowledged();
      latencies.integratorActionToSteel = (await inSteel.seenAt()) - written;
      latencies.integratorActionToAuthority = (await inAuthority.seenAt()) - written;
      const row = authority.locator('.plan-actions li').filter({ has: authority.locator('input[value="Convention de raccordement (intégration)"]') });
      expect(await row.locator('input[type="date"]').inputValue()).toBe('2027-06-30');
    } finally {
      integrator.close();
    }
  });

  it('an observer sees the plan and can change nothing: not the editor, not the fields, not by force', async () => {
    const lead = await steelContext.newPage();
    await lead.goto(url);
    await openProject(lead, PALLETS);
    await typeInNotes(lead, 'Tournée de collecte tous les mardis.');
    await addActionThroughForm(lead, 'Choisir le transporteur');

    const observer = await authorityContext.newPage();
    const answers = watchSyncStatus(observer);
    await observer.goto(url);
    await openProject(observer, PALLETS);
    await waitForNotesText(observer, 'Tournée de collecte tous les mardis.');
    await waitForAction(observer, 'Choisir le transporteur');
    expect(await notes(observer).getAttribute('contenteditable')).toBe('false');
    expect(await notes(observer).getAttribute('aria-readonly')).toBe('true');
    expect(await observer.getByLabel('Résumé').isDisabled()).toBe(true);
    expect(await observer.getByLabel('Titre de l’action 1').isDisabled()).toBe(true);
    expect(await observer.getByRole('button', { name: 'Ajouter l’action' }).count()).toBe(0);
    expect(await observer.getByRole('button', { name: /^Supprimer/ }).count()).toBe(0);

    const before = await notes(observer).textContent();
    await notes(observer).click();
    await observer.keyboard.type('Tentative de l’observateur');
    expect(await notes(observer).textContent()).toBe(before);

    // By force: re-enable the summary field in the page and write. The browser sends the update; the server answers
    // "not applied" and drops it.
    await observer.locator('.plan-summary textarea').evaluate((field) => field.removeAttribute('disabled'));
    await observer.locator('.plan-summary textarea').fill('Résumé forcé par l’observateur');
    await expect.poll(() => answers.includes(false), { timeout: 30_000 }).toBe(true);
    await lead.reload();
    await waitForState(lead, STATE.connected);
    await waitForNotesText(lead, 'Tournée de collecte tous les mardis.');
    expect(await lead.getByLabel('Résumé').inputValue()).not.toContain('forcé');
    // A later edit of the lead still reaches the observer: its connection was kept, only its write was dropped.
    await typeInNotes(lead, ' Premier passage le 5 janvier.');
    await waitForNotesText(observer, 'Premier passage le 5 janvier.');
    expect(await notes(lead).textContent()).not.toContain('Tentative');
    await lead.close();
    await observer.close();
  });

  it('saves the board and the project page with its plan, on a desktop and on a phone, without sideways scroll', async () => {
    await steel.getByRole('link', { name: 'Projets', exact: true }).click();
    await steel.getByRole('article', { name: HEAT_NETWORK }).waitFor();
    await steel.screenshot({ path: path.join(ARTIFACTS, 'plan-board-1440.png'), fullPage: true });
    await openProject(steel, HEAT_NETWORK);
    await waitForAction(steel, 'Convention de raccordement (intégration)');
    await steel.screenshot({ path: path.join(ARTIFACTS, 'plan-project-page-1440.png'), fullPage: true });
    expect(await scrollWidth(steel)).toBeLessThanOrEqual(DESKTOP.width);

    const phone = await session.newPage(PHONE);
    await logIn(phone, url, STEEL);
    await phone.getByRole('link', { name: 'Projets', exact: true }).click();
    await phone.getByRole('article', { name: HEAT_NETWORK }).waitFor();
    await phone.screenshot({ path: path.join(ARTIFACTS, 'plan-board-390.png'), fullPage: true });
    expect(await scrollWidth(phone), 'board').toBeLessThanOrEqual(PHONE.width);
    await openProject(phone, HEAT_NETWORK);
    await waitForAction(phone, 'Convention de raccordement (intégration)');
    await phone.screenshot({ path: path.join(ARTIFACTS, 'plan-project-page-390.png'), fullPage: true });
    expect(await scrollWidth(phone), 'project page').toBeLessThanOrEqual(PHONE.width);
  });
});
