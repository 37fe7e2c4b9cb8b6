import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, logIn, openBrowserSession, scrollWidth, type BrowserSession } from './browser-session';

// Public demo accounts (server/src/demo/demo-accounts.ts) and their organisations (demo-territory.json).
const FACILITATOR = { email: 'animatrice@valolab.demo', name: 'Claire Animatrice' };
const STEEL = { email: 'julien@acier-fensch.demo', organization: 'Aciéries de la Fensch' };
const JOINERY = { email: 'sofia@menuiserie-knutange.demo', organization: 'Menuiserie de Knutange' };
const NOTE = 'Appel à la menuiserie : intéressée, rappeler après la visite du séchoir.';
const LIVE = { timeout: 15_000 };

/**
 * Issue 12, item 4, in French, in Chromium against the real server: the facilitator records a synergy by hand
 * between the steel works and the joinery, puts both in touch at once; each party, whose page is open, sees the
 * request arrive without reloading and accepts; the facilitator sees who answered, live; notes stay the
 * facilitators'; the synergy is assigned and found under "Assignées à moi".
 */
describe('facilitator tools on a synergy, in a browser', () => {
  let session: BrowserSession;
  let facilitator: Page;
  let steel: Page;
  let joinery: Page;
  let synergyUrl: string;

  beforeAll(async () => {
    session = await openBrowserSession();
    [facilitator, steel, joinery] = await Promise.all([session.newPage({ width: 1440, height: 900 }), session.newPage(), session.newPage({ width: 390, height: 844 })]);
    await logIn(facilitator, session.url, FACILITATOR.email);
    await logIn(steel, session.url, STEEL.email);
    await logIn(joinery, session.url, JOINERY.email);
  });
  afterAll(async () => session?.close());

  const panel = () => facilitator.getByRole('region', { name: 'Animation' });
  const answerOf = (organization: string) => panel().getByRole('row', { name: new RegExp(`^${organization}`) });

  it('records a synergy by hand from the synergies page', async () => {
    await facilitator.goto(`${session.url}/#/synergies`);
    await facilitator.getByRole('link', { name: 'Enregistrer une synergie' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Enregistrer une synergie à la main' }).waitFor();
    const search = facilitator.getByLabel('Chercher une organisation');
    for (const name of [STEEL.organization, JOINERY.organization]) {
      await search.fill(name);
      await facilitator.getByLabel(name, { exact: true }).check();
    }
    await facilitator.getByRole('group', { name: `Flux concernés de ${JOINERY.organization}` }).waitFor();
    await facilitator.getByLabel('Où en est-elle ?').selectOption({ label: 'Simple suggestion' });
    await facilitator.getByLabel('Ce qui a été convenu, où elle en est').fill('Repérée à l’atelier chaleur du 3 décembre.');
    await facilitator.getByRole('button', { name: 'Enregistrer la synergie' }).click();
    await facilitator.waitForURL(/#\/synergies\/(?!new)[^/]+$/);
    synergyUrl = facilitator.url();
    expect(synergyUrl).not.toMatch(/\/new$/);
    await facilitator.getByText('Repérée à l’atelier chaleur du 3 décembre.').waitFor();
    await facilitator.getByText("Enregistrée par l'animateur").waitFor();
    await panel().waitFor();
    await answerOf(STEEL.organization).getByText('Pas encore sollicitée').waitFor();
  });

  it('puts both parties in touch at once; each sees the request live, accepts, and the facilitator sees who answered', async () => {
    // Both parties have the synergy open before anything is asked: what follows reaches them without reload.
    for (const party of [steel, joinery]) {
      await party.goto(synergyUrl);
      await party.getByRole('button', { name: 'Demander la mise en relation' }).waitFor();
      expect(await party.getByRole('region', { name: 'Animation' }).count()).toBe(0);
    }
    await panel().getByRole('button', { name: 'Mettre en relation' }).click();
    await panel().getByText('Demande envoyée aux parties.').waitFor();
    await answerOf(STEEL.organization).getByText('Sans réponse').waitFor();
    await answerOf(JOINERY.organization).getByText('Sans réponse').waitFor();

    await steel.getByRole('button', { name: 'Accepter la mise en relation' }).waitFor(LIVE);
    await steel.getByRole('button', { name: 'Accepter la mise en relation' }).click();
    await answerOf(STEEL.organization).getByText('A accepté').waitFor(LIVE);
    await answerOf(JOINERY.organization).getByText('Sans réponse').waitFor();
    // One side accepting reveals nobody.
    expect(await steel.getByText(JOINERY.organization).count()).toBe(0);

    await joinery.getByRole('button', { name: 'Accepter la mise en relation' }).waitFor(LIVE);
    await joinery.getByRole('button', { name: 'Accepter la mise en relation' }).click();
    await answerOf(JOINERY.organization).getByText('A accepté').waitFor(LIVE);
    // Every side accepted: the steel works' open page now names the joinery.
    await steel.getByText(JOINERY.organization).first().waitFor(LIVE);
    await steel.getByText('Toutes les parties ont accepté : les identités sont révélées.').waitFor(LIVE);
    expect(await scrollWidth(joinery)).toBeLessThanOrEqual(390);
    await facilitator.screenshot({ path: path.join(ARTIFACTS, 'facilitation-1440.png'), fullPage: true });
    await joinery.screenshot({ path: path.join(ARTIFACTS, 'facilitation-party-390.png'), fullPage: true });
  });

  it('keeps internal notes that the parties never see', async () => {
    await panel().getByLabel('Nouvelle note').fill(NOTE);
    await panel().getByRole('button', { name: 'Ajouter la note' }).click();
    await panel().getByText(NOTE).waitFor();
    await panel().getByText(new RegExp(`^${FACILITATOR.name}, le `)).waitFor();
    await steel.reload();
    await steel.getByRole('heading', { level: 1 }).waitFor();
    await steel.getByText(JOINERY.organization).first().waitFor();
    expect(await steel.getByText(NOTE).count()).toBe(0);
    expect(await steel.content()).not.toContain('rappeler après la visite');
  });

  it('assigns the synergy to a facilitator and finds it under "Assignées à moi"', async () => {
    await panel().getByText('Cette synergie n’est assignée à personne.').waitFor();
    await panel().getByLabel('Assignée à').selectOption({ label: FACILITATOR.name });
    await panel().getByRole('button', { name: 'Assigner' }).click();
    await panel().getByText(new RegExp(`^Assignée à ${FACILITATOR.name} depuis le `)).waitFor();

    const id = decodeURIComponent(synergyUrl.split('/').pop()!);
    await facilitator.goto(`${session.url}/#/synergies`);
    await facilitator.getByLabel('Assignées à moi').check();
    const list = facilitator.getByRole('region', { name: 'Synergies, meilleur score en premier' });
    await list.getByText('1 synergies').waitFor();
    expect(await list.locator(`a[href="#/synergies/${encodeURIComponent(id)}"]`).count()).toBe(1);
    await list.getByText(`Suivie par ${FACILITATOR.name}`).waitFor();
    // The parties have no such filter: assignment is the facilitators' business.
    await steel.goto(`${session.url}/#/synergies`);
    await steel.getByRole('heading', { level: 1, name: 'Synergies' }).waitFor();
    expect(await steel.getByLabel('Assignées à moi').count()).toBe(0);
    await steel.getByRole('region', { name: 'Synergies, meilleur score en premier' }).getByRole('article').first().waitFor();
    expect(await steel.getByText(/Suivie par/).count()).toBe(0);
  });
});
