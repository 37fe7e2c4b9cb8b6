import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, logIn, openBrowserSession, scrollWidth, type BrowserSession } from './browser-session';

// Public demo credentials and names, from server/src/demo/demo-accounts.ts and demo-projects.ts.
const FACILITATOR = { email: 'animatrice@valolab.demo', name: 'Claire Animatrice' };
const STEEL_MEMBER = 'julien@acier-fensch.demo';
const JOINERY_MEMBER = 'sofia@menuiserie-knutange.demo';
const AUTHORITY_MEMBER = 'marc@agglo-fensch.demo';
const JOINERY = 'Menuiserie de Knutange';
const STEELWORKS = 'Aciéries de la Fensch';
const HEAT_NETWORK = 'Réseau de chaleur : la chaleur fatale des Aciéries pour la zone de Florange'; // STUDY
const PALLETS = 'Collecte mutualisée des palettes bois du Val de Fensch'; // OPERATIONAL
const NEW_PROJECT = 'Réemploi des réfractaires usagés (essai e2e)';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A column of the board, by the name of its stage ("Étude (1)"). */
const column = (page: Page, stage: string) => page.getByRole('region', { name: new RegExp(`^${stage} \\(\\d+\\)$`) });
const card = (page: Page, title: string) => page.getByRole('article', { name: title });

async function openBoard(page: Page) {
  await page.getByRole('link', { name: 'Projets', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Projets' }).waitFor();
  await column(page, 'Idée').waitFor();
}

describe('projects, in a browser, against the real server', () => {
  let session: BrowserSession;
  let url: string;
  let facilitator: Page;
  let steel: Page;
  let newProjectUrl: string;

  const newPage = (viewport = DESKTOP) => session.newPage(viewport);

  beforeAll(async () => {
    session = await openBrowserSession();
    url = session.url;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('the lead of a demo project sees the board with its projects by stage', async () => {
    steel = await newPage();
    await logIn(steel, url, STEEL_MEMBER);
    await openBoard(steel);
    await column(steel, 'Étude').getByRole('article', { name: HEAT_NETWORK }).waitFor();
    await column(steel, 'Opérationnel').getByRole('article', { name: PALLETS }).waitFor();
    // The joinery has not answered its invitation to the heat network: the lead knows whom it invited…
    const pending = card(steel, HEAT_NETWORK).getByText(`${JOINERY} (invitation en attente)`, { exact: true });
    await pending.waitFor();
    expect(await pending.count()).toBe(1);
  });

  it('a partner sees that an invitation is pending, not to whom', async () => {
    const authority = await newPage();
    await logIn(authority, url, AUTHORITY_MEMBER);
    await openBoard(authority);
    const heat = card(authority, HEAT_NETWORK);
    await heat.getByText('invitation en attente', { exact: true }).waitFor();
    expect(await heat.textContent()).not.toContain(JOINERY);
    await heat.getByRole('link', { name: HEAT_NETWORK }).click();
    const participants = authority.getByRole('region', { name: 'Participants' });
    await participants.getByText('invitation en attente', { exact: true }).waitFor();
    expect(await authority.locator('main').textContent()).not.toContain(JOINERY);
    // A partner does not manage: no stage change, no invitation, no removal.
    expect(await authority.getByRole('button', { name: /^Passer à/ }).count()).toBe(0);
    expect(await authority.getByRole('heading', { name: 'Inviter une organisation' }).count()).toBe(0);
    expect(await authority.getByRole('button', { name: /^Retirer/ }).count()).toBe(0);
  });

  it('the facilitator sees the demo projects at their stages, moves one, and its history says who and when', async () => {
    facilitator = await newPage();
    await logIn(facilitator, url, FACILITATOR.email);
    await openBoard(facilitator);
    await column(facilitator, 'Étude').getByRole('article', { name: HEAT_NETWORK }).waitFor();
    await column(facilitator, 'Opérationnel').getByRole('article', { name: PALLETS }).waitFor();
    await facilitator.getByRole('button', { name: 'Créer un projet' }).waitFor();
    await facilitator.screenshot({ path: path.join(ARTIFACTS, 'projects-board-1440.png'), fullPage: true });
    expect(await scrollWidth(facilitator)).toBeLessThanOrEqual(DESKTOP.width);

    await card(facilitator, HEAT_NETWORK).getByRole('link', { name: HEAT_NETWORK }).click();
    await facilitator.getByRole('heading', { level: 1, name: HEAT_NETWORK }).waitFor();
    const history = facilitator.getByRole('list', { name: 'Historique des étapes' });
    await history.getByText('Idée → Étude', { exact: true }).waitFor();
    await facilitator.getByRole('button', { name: 'Passer à « Mise en œuvre »' }).click();
    await facilitator.getByLabel('Commentaire (facultatif)').fill('Étude de faisabilité validée en comité');
    await facilitator.getByRole('button', { name: 'Passer à « Mise en œuvre »' }).click();
    await facilitator.getByText('Étape enregistrée.').waitFor();
    const move = history.getByRole('listitem').filter({ hasText: 'Étude → Mise en œuvre' });
    await move.waitFor();
    expect(await move.textContent()).toContain(`par ${FACILITATOR.name}, le `);
    expect(await move.textContent()).toContain('Motif : Étude de faisabilité validée en comité');
    await facilitator.locator('.project-facts').getByText('Mise en œuvre', { exact: true }).waitFor();
  });

  it('the lead sees the move on its board live, without a reload', async () => {
    await column(steel, 'Mise en œuvre').getByRole('article', { name: HEAT_NETWORK }).waitFor({ timeout: 10_000 });
    expect(await column(steel, 'Étude').getByRole('article', { name: HEAT_NETWORK }).count()).toBe(0);
  });

  it('the facilitator starts a project from scratch and invites an organisation from the directory', async () => {
    await openBoard(facilitator);
    await facilitator.getByRole('button', { name: 'Créer un projet' }).click();
    await facilitator.getByLabel('Titre du projet').fill(NEW_PROJECT);
    await facilitator.getByRole('button', { name: 'Créer le projet' }).click();
    await facilitator.getByRole('heading', { level: 1, name: NEW_PROJECT }).waitFor();
    newProjectUrl = facilitator.url();
    expect(newProjectUrl).toContain('#/projects/');
    await facilitator.getByRole('list', { name: 'Historique des étapes' }).getByText('Création : Idée', { exact: true }).waitFor();
    await facilitator.getByRole('region', { name: "Plan d'action" }).waitFor();

    await facilitator.getByLabel("Rechercher dans l'annuaire").fill('Aciéries');
    await facilitator.getByLabel('Organisation', { exact: true }).locator('option', { hasText: STEELWORKS }).waitFor({ state: 'attached' });
    await facilitator.getByLabel('Organisation', { exact: true }).selectOption({ label: STEELWORKS });
    await facilitator.getByLabel('Rôle proposé').selectOption('PARTNER');
    await facilitator.getByRole('button', { name: 'Inviter', exact: true }).click();
    await facilitator.getByText(`Invitation envoyée à ${STEELWORKS}.`).waitFor();
    const participants = facilitator.getByRole('region', { name: 'Participants' });
    const invited = participants.getByRole('listitem').filter({ hasText: STEELWORKS });
    await invited.getByText('Invitation en attente', { exact: true }).waitFor();
    await facilitator.screenshot({ path: path.join(ARTIFACTS, 'project-page-1440.png'), fullPage: true });
    expect(await scrollWidth(facilitator)).toBeLessThanOrEqual(DESKTOP.width);
  });

  it('the facilitator starts a project from a synergy: its parties are invited, the project links back to it', async () => {
    await facilitator.getByRole('link', { name: 'Synergies', exact: true }).click();
    const first = facilitator.getByRole('region', { name: 'Synergies, meilleur score en premier' }).getByRole('article').first();
    await first.getByRole('link').first().click();
    // The synergy's page is there once its project section is: read its title only then, not the list's heading.
    await facilitator.waitForURL(/#\/synergies\/[^/]+$/);
    const create = facilitator.getByRole('button', { name: 'Créer un projet' });
    await create.waitFor();
    const title = (await facilitator.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(title).not.toBe('Synergies');
    await create.click();
    expect(await facilitator.getByLabel('Titre du projet').inputValue()).toBe(title.slice(0, 200));
    await facilitator.getByRole('button', { name: 'Créer le projet' }).click();
    await facilitator.waitForURL(/#\/projects\//);
    await facilitator.getByRole('region', { name: "Plan d'action" }).waitFor();
    expect(await facilitator.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await facilitator.locator('.project-facts').getByRole('link', { name: title }).waitFor();
    const pending = facilitator.getByRole('region', { name: 'Participants' }).getByText('Invitation en attente', { exact: true });
    await pending.first().waitFor();
    expect(await pending.count()).toBeGreaterThanOrEqual(2);
    // Back on the synergy, its project is listed and no second one is offered.
    const projectUrl = facilitator.url();
    await facilitator.locator('.project-facts').getByRole('link', { name: title }).click();
    await facilitator.getByRole('region', { name: 'Projets issus de cette synergie' }).getByRole('link').waitFor();
    expect(await facilitator.getByRole('button', { name: 'Créer un projet' }).count()).toBe(0);

    // Abandoning needs a reason; the board then keeps the project apart, folded.
    await facilitator.goto(projectUrl);
    await facilitator.getByRole('button', { name: 'Passer à « Abandonné »' }).click();
    await facilitator.getByRole('button', { name: 'Passer à « Abandonné »' }).click();
    await facilitator.getByText('Indiquez pourquoi le projet est abandonné.').waitFor();
    await facilitator.getByLabel("Raison de l'abandon").fill('Le gisement ne sera plus produit');
    await facilitator.getByRole('button', { name: 'Passer à « Abandonné »' }).click();
    await facilitator.getByRole('list', { name: 'Historique des étapes' }).getByText('Idée → Abandonné', { exact: true }).waitFor();
    await facilitator.locator('.note').getByText('Le gisement ne sera plus produit').waitFor();
    await openBoard(facilitator);
    const abandoned = facilitator.getByText('Projets abandonnés (1)');
    await abandoned.waitFor();
    expect(await card(facilitator, title).isVisible()).toBe(false);
    await abandoned.click();
    await card(facilitator, title).waitFor();
  });

  it('a member of the invited organisation sees the invitation, accepts, then sees the project', async () => {
    // No event reaches an organisation that is only invited (it may not see the project yet): the board asks again
    // for invitations when it is opened.
    await steel.reload();
    await column(steel, 'Idée').waitFor();
    const invitation = steel.getByRole('listitem', { name: NEW_PROJECT });
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain(`${STEELWORKS} est invitée comme Partenaire`);
    await invitation.getByRole('button', { name: 'Accepter' }).click();
    await steel.getByRole('heading', { level: 1, name: NEW_PROJECT }).waitFor();
    const mine = steel.getByRole('region', { name: 'Participants' }).getByRole('listitem').filter({ hasText: STEELWORKS });
    await mine.getByText('Participe', { exact: true }).waitFor();
    await openBoard(steel);
    await column(steel, 'Idée').getByRole('article', { name: NEW_PROJECT }).waitFor();
    expect(await steel.getByRole('listitem', { name: NEW_PROJECT }).count()).toBe(0);
  });

  it('a member of an uninvolved organisation sees nothing of it: not on the board, not at its address', async () => {
    const joinery = await newPage();
    await logIn(joinery, url, JOINERY_MEMBER);
    await openBoard(joinery);
    await column(joinery, 'Opérationnel').getByRole('article', { name: PALLETS }).waitFor();
    expect(await joinery.locator('main').textContent()).not.toContain(NEW_PROJECT);
    await joinery.goto(newProjectUrl);
    await joinery.getByText("Ce projet n'existe pas ou ne vous concerne pas.").waitFor();
    expect(await joinery.locator('body').textContent()).not.toContain(NEW_PROJECT);
  });

  it('the facilitator removes the organisation; its member no longer finds the project', async () => {
    await steel.goto(newProjectUrl);
    await steel.getByRole('heading', { level: 1, name: NEW_PROJECT }).waitFor();
    await facilitator.goto(newProjectUrl);
    const participants = facilitator.getByRole('region', { name: 'Participants' });
    await participants.getByText('Participe', { exact: true }).nth(1).waitFor();
    await participants.getByRole('button', { name: `Retirer ${STEELWORKS}` }).click();
    await participants.getByRole('group', { name: `Retirer ${STEELWORKS}` }).getByRole('button', { name: 'Retirer', exact: true }).click();
    await participants.getByRole('listitem').filter({ hasText: STEELWORKS }).getByText('Retirée du projet', { exact: true }).waitFor();
    // The server tells a removed organisation nothing more, not even that it was removed: its next look finds nothing.
    await steel.reload();
    await steel.getByText("Ce projet n'existe pas ou ne vous concerne pas.").waitFor();
    expect(await steel.locator('main').textContent()).not.toContain(NEW_PROJECT);
  });

  it('has no horizontal scroll on a phone (390×844)', async () => {
    const phone = await newPage(PHONE);
    await logIn(phone, url, FACILITATOR.email);
    await openBoard(phone);
    await card(phone, PALLETS).waitFor();
    await phone.screenshot({ path: path.join(ARTIFACTS, 'projects-board-390.png'), fullPage: true });
    expect(await scrollWidth(phone), 'board').toBeLessThanOrEqual(PHONE.width);
    await phone.goto(newProjectUrl);
    await phone.getByRole('heading', { level: 1, name: NEW_PROJECT }).waitFor();
    await phone.getByRole('region', { name: 'Participants' }).getByText(STEELWORKS).first().waitFor();
    await phone.screenshot({ path: path.join(ARTIFACTS, 'project-page-390.png'), fullPage: true });
    expect(await scrollWidth(phone), 'project page').toBeLessThanOrEqual(PHONE.width);
  });
});
