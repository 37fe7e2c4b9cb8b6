import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, DEMO_PASSWORD, logIn, openBrowserSession, type BrowserSession } from './browser-session';
import { graphql, openProject } from './plan-session';

const FACILITATOR = 'animatrice@valolab.demo';
const STEEL = 'julien@acier-fensch.demo';
const AUTHORITY = 'marc@agglo-fensch.demo';
const TITLE = 'Laitiers sidérurgiques pour le béton';

type Figure = { indicator: string; central: number; organization: { id: string; name: string } | null };

/**
 * Issue 9, item 4: an expected indicator linked to one of its synergy's impact figures shows the synergy's estimate
 * beside its target on the project page — as the reader may see the synergy. The lead (a party) links two
 * indicators in the browser and sees the estimate, its own euros only; the authority, a partner of the project but
 * no party of the synergy, sees the indicators and no figure.
 */
describe('plan indicators beside the synergy’s estimate, in the browser', () => {
  let session: BrowserSession;
  let url: string;
  let steel: Page;
  let authority: Page;
  let otherParty: string;

  beforeAll(async () => {
    session = await openBrowserSession();
    url = session.url;
    const as = async (email: string) =>
      (await graphql(url, 'mutation($input: LogInInput!) { logIn(input: $input) { viewer { id } } }', { input: { email, password: DEMO_PASSWORD } })).cookie;
    const [facilitator, steelCookie, authorityCookie] = [await as(FACILITATOR), await as(STEEL), await as(AUTHORITY)];
    const orgOf = async (cookie: string) => (await graphql(url, '{ viewer { memberships { organization { id } } } }', {}, { cookie })).data.viewer.memberships[0].organization.id as string;
    const [steelOrg, authorityOrg] = [await orgOf(steelCookie), await orgOf(authorityCookie)];
    const { data } = await graphql(
      url,
      'query($o: ID!) { synergies(first: 100, filter: {organizationId: $o}) { nodes { id participants { organization { id } } impacts { indicator central organization { id name } } } } }',
      { o: steelOrg },
      { cookie: facilitator },
    );
    const chosen = data.synergies.nodes.find((s: { participants: unknown[]; impacts: Figure[] }) => {
      const euros = s.impacts.filter((f) => f.indicator === 'EUROS_SAVED' && f.central > 0);
      return s.participants.length === 2 && euros.some((f) => f.organization?.id === steelOrg) && euros.some((f) => f.organization?.id !== steelOrg) &&
        s.impacts.some((f) => f.indicator === 'TONNES_DIVERTED' && f.central > 0);
    });
    expect(chosen, 'a demo synergy where both parties save euros').toBeDefined();
    otherParty = chosen.impacts.find((f: Figure) => f.indicator === 'EUROS_SAVED' && f.organization?.id !== steelOrg).organization.name;
    const created = await graphql(url, 'mutation($s: ID!, $l: ID!, $t: String!) { createProject(input: {title: $t, synergyId: $s, leadOrganizationId: $l}) { id } }', { s: chosen.id, l: steelOrg, t: TITLE }, { cookie: facilitator });
    const p = created.data.createProject.id;
    const accept = (cookie: string) => graphql(url, 'mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: true) { id } }', { p }, { cookie });
    await accept(steelCookie);
    await graphql(url, 'mutation($p: ID!, $o: ID!) { inviteToProject(projectId: $p, organizationId: $o, role: PARTNER) { id } }', { p, o: authorityOrg }, { cookie: steelCookie });
    await accept(authorityCookie);

    steel = await session.newPage({ width: 1440, height: 900 });
    authority = await session.newPage({ width: 1440, height: 900 });
    await logIn(steel, url, STEEL);
    await logIn(authority, url, AUTHORITY);
    await openProject(steel, TITLE);
    await openProject(authority, TITLE);
  });
  afterAll(async () => session?.close());

  async function addLinked(page: Page, figureLabel: string, expected: string) {
    await page.getByLabel('Lier à une estimation de la synergie').selectOption({ label: figureLabel });
    // The synergy's name and unit are offered as a start.
    expect(await page.getByLabel('Nouvel indicateur').inputValue()).toBe(figureLabel);
    expect(await page.getByLabel('Unité', { exact: true }).inputValue()).not.toBe('');
    await page.getByLabel('Valeur attendue', { exact: true }).fill(expected);
    await page.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
  }

  it('the lead links indicators and sees the synergy’s estimate beside each target, its own euros only', async () => {
    await addLinked(steel, 'Déchets détournés', '12000');
    await addLinked(steel, 'Économies', '250000');
    const tonnes = steel.getByLabel('Estimation de la synergie pour Déchets détournés (Déchets détournés)');
    await tonnes.waitFor();
    expect(await tonnes.innerText()).toMatch(/\d/);
    const euros = steel.getByLabel('Estimation de la synergie pour Économies (Économies)');
    await euros.waitFor();
    expect(await euros.getByRole('listitem').count()).toBe(1);
    expect(await euros.innerText()).toContain('pour Aciéries de la Fensch');
    expect(await euros.innerText()).not.toContain(otherParty);
    await steel.screenshot({ path: path.join(ARTIFACTS, 'plan-indicators-estimates-1440.png'), fullPage: true });
  });

  it('a partner that is no party of the synergy sees the linked indicators and no figure', async () => {
    const euros = authority.getByLabel('Estimation de la synergie pour Économies (Économies)');
    await euros.waitFor();
    expect(await euros.innerText()).toBe('Estimation non visible pour vous');
    expect(await authority.getByLabel('Estimation de la synergie pour Déchets détournés (Déchets détournés)').innerText()).toBe('Estimation non visible pour vous');
    // Nor can it link one: it is shown no figure to link to.
    expect(await authority.getByLabel('Lier à une estimation de la synergie').count()).toBe(0);
    expect(await authority.locator('.plan-indicators').innerText()).not.toContain(otherParty);
  });
  it('the indicators with their estimates pass axe (WCAG 2.1 A/AA: no serious or critical violation), for both readers', async () => {
    for (const page of [steel, authority]) {
      const results = await new AxeBuilder({ page }).include('.plan-indicators').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    }
  });
});
