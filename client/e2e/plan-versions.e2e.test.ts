import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, logIn, openBrowserSession, type BrowserSession } from './browser-session';

// Public demo credentials and names, from server/src/demo/demo-accounts.ts and demo-projects.ts.
const STEEL_MEMBER = 'julien@acier-fensch.demo';
const AUTHORITY_MEMBER = 'marc@agglo-fensch.demo';
const PALLETS = 'Collecte mutualisée des palettes bois du Val de Fensch'; // the authority observes it
const HEAT_NETWORK = 'Réseau de chaleur : la chaleur fatale des Aciéries pour la zone de Florange';
const VERSION = 'après le comité de pilotage du 12 mars';
const API_ACTION = 'Essai de combustion (ajouté par l’API)';

/** A GraphQL request from the page, with its session: what an integrator or another tab would send. */
async function gql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return res.json();
    },
    { query, variables },
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Issue 9, item 5: the plan's version history in a browser against the real server — save, compare, restore. */
describe('plan versions, in a browser, against the real server', () => {
  let session: BrowserSession;
  let page: Page;
  let projectId: string;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = await session.newPage({ width: 1440, height: 1000 });
    await logIn(page, session.url, STEEL_MEMBER);
    const projects = await gql(page, `{ projects(first: 50) { nodes { id title } } }`);
    projectId = projects.projects.nodes.find((p: { title: string }) => p.title === HEAT_NETWORK).id;
  });
  afterAll(async () => {
    await session?.close();
  });

  const panel = () => page.getByRole('region', { name: 'Historique des versions du plan' });
  const planActions = async () => (await gql(page, `query($id: ID!) { project(id: $id) { plan { actions { title } } } }`, { id: projectId })).project.plan.actions.map((a: { title: string }) => a.title);

  it('saves a version with a name, and shows it read-only', async () => {
    await page.getByRole('link', { name: 'Projets', exact: true }).click();
    await page.getByRole('link', { name: HEAT_NETWORK }).first().click();
    await panel().waitFor();
    await panel().getByLabel('Nom de la version').fill(VERSION);
    await panel().getByRole('button', { name: 'Enregistrer une version' }).click();
    await panel().getByText(`Version « ${VERSION} » enregistrée.`).waitFor();
    const item = panel().getByRole('listitem').filter({ hasText: VERSION });
    await item.getByText(/^par Julien Weber, le /).waitFor();
    await item.getByRole('button', { name: 'Voir' }).click();
    await panel().getByRole('heading', { name: `Version « ${VERSION} » (lecture seule)` }).waitFor();
    expect(await panel().getByRole('textbox').count()).toBe(1); // only the name of the next version
  });

  it('compares the version with the plan after a change made through GraphQL, in French', async () => {
    const before = await planActions();
    await gql(page, `mutation($p: ID!, $t: String!) { addPlanAction(projectId: $p, input: {title: $t}) { actions { title } } }`, { p: projectId, t: API_ACTION });
    expect(await planActions()).toEqual([...before, API_ACTION]);
    const item = panel().getByRole('listitem').filter({ hasText: VERSION });
    await item.getByRole('button', { name: 'Comparer avec le plan actuel' }).click();
    await panel().getByRole('heading', { name: `Changements de « ${VERSION} » à maintenant` }).waitFor();
    await panel().getByText(`Action ajoutée : « ${API_ACTION} »`, { exact: true }).waitFor();
  });

  it('restores the version after confirmation: the change is gone, the version still there', async () => {
    const item = panel().getByRole('listitem').filter({ hasText: VERSION });
    await item.getByRole('button', { name: 'Restaurer' }).click();
    const confirm = panel().getByRole('alertdialog', { name: 'Restaurer' });
    await confirm.getByText(/Rien n’est effacé/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'plan-versions-confirm.png'), fullPage: true });
    await confirm.getByRole('button', { name: 'Confirmer la restauration' }).click();
    await panel().getByText(`Version « ${VERSION} » restaurée.`).waitFor();
    await panel().getByText('Aucune différence.', { exact: true }).waitFor();
    expect(await planActions()).not.toContain(API_ACTION);
    const versions = await gql(page, `query($id: ID!) { project(id: $id) { planVersions { name } } }`, { id: projectId });
    expect(versions.project.planVersions).toEqual([{ name: VERSION }]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'plan-versions.png'), fullPage: true });
  });

  it('an observer sees and compares the versions, and is offered neither save nor restore', async () => {
    const projects = await gql(page, `{ projects(first: 50) { nodes { id title } } }`);
    const pallets = projects.projects.nodes.find((p: { title: string }) => p.title === PALLETS).id;
    await gql(page, `mutation($p: ID!) { saveProjectPlanVersion(projectId: $p, name: "avant la mise en service") { id } }`, { p: pallets });
    const observer = await session.newPage({ width: 1440, height: 1000 });
    await logIn(observer, session.url, AUTHORITY_MEMBER);
    await observer.getByRole('link', { name: 'Projets', exact: true }).click();
    await observer.getByRole('link', { name: PALLETS }).first().click();
    const history = observer.getByRole('region', { name: 'Historique des versions du plan' });
    await history.getByText(/seuls les participants qui modifient le plan en enregistrent ou en restaurent/).waitFor();
    const item = history.getByRole('listitem').filter({ hasText: 'avant la mise en service' });
    await item.getByRole('button', { name: 'Comparer avec le plan actuel' }).click();
    await history.getByText('Aucune différence.', { exact: true }).waitFor();
    expect(await history.getByRole('button', { name: /^(Enregistrer une version|Restaurer)$/ }).count()).toBe(0);
    expect(await history.getByLabel('Nom de la version').count()).toBe(0);
  });
});
