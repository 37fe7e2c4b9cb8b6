import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, DEMO_PASSWORD, logIn, openBrowserSession, type BrowserSession } from './browser-session';

// Public demo credentials, from server/src/demo/demo-accounts.ts.
const PASSWORD = DEMO_PASSWORD;
const FACILITATOR = 'animatrice@valolab.demo';
const STEEL_MEMBER = 'julien@acier-fensch.demo';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function apiSession(url: string, email: string) {
  const logIn = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: LogInInput!) { logIn(input: $input) { viewer { id } } }',
      variables: { input: { email, password: PASSWORD } },
    }),
  });
  const cookie = logIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!logIn.ok || !cookie) throw new Error(`${email} could not log in: ${logIn.status}`);
  return async function query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!body.data || body.errors) throw new Error(`GraphQL error for ${email}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

interface Counterpart {
  name: string;
  siteNames: string[];
}

const SYNERGY_SIDES = `query($after: String) { synergies(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { id participants { isYours organization { id name sites { name } } } }
} }`;

interface SynergySides {
  synergies: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; participants: { isYours: boolean; organization: { id: string; name: string; sites: { name: string }[] } | null }[] }[];
  };
}

async function allSynergies(query: <T>(q: string, v?: Record<string, unknown>) => Promise<T>) {
  const nodes: SynergySides['synergies']['nodes'] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const { synergies }: SynergySides = await query<SynergySides>(SYNERGY_SIDES, { after });
    nodes.push(...synergies.nodes);
    if (!synergies.pageInfo.hasNextPage) break;
    after = synergies.pageInfo.endCursor;
  }
  return nodes;
}

/**
 * The organisations that are the member's counterparts in synergies where the API keeps them anonymous to the
 * member, and that the member sees named nowhere else: the facilitator's answer tells who they are.
 */
async function anonymousCounterparts(url: string, email: string): Promise<Counterpart[]> {
  const member = await allSynergies(await apiSession(url, email));
  const namedToMember = new Set(member.flatMap((s) => s.participants.flatMap((p) => (p.organization ? [p.organization.id] : []))));
  const anonymousIn = new Set(member.filter((s) => s.participants.some((p) => !p.organization)).map((s) => s.id));
  const facilitator = await allSynergies(await apiSession(url, FACILITATOR));
  const counterparts = new Map<string, Counterpart>();
  for (const synergy of facilitator) {
    if (!anonymousIn.has(synergy.id)) continue;
    for (const { organization } of synergy.participants) {
      if (organization && !namedToMember.has(organization.id)) {
        counterparts.set(organization.id, { name: organization.name, siteNames: organization.sites.map((s) => s.name) });
      }
    }
  }
  return [...counterparts.values()];
}

async function openDashboard(page: Page) {
  await page.getByRole('link', { name: 'Tableau de bord', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Tableau de bord du territoire' }).waitFor();
  await page.locator('.territory-map path.site-marker').first().waitFor();
}

describe('the territory dashboard, in a browser, against the real server', () => {
  let session: BrowserSession;
  let url: string;
  // Every address the browser asked for, WebSockets included: none may leave the machine.
  const requested: string[] = [];

  async function newPage(viewport = DESKTOP) {
    const context = await session.newContext(viewport);
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();
    page.on('websocket', (socket) => requested.push(socket.url()));
    return page;
  }

  beforeAll(async () => {
    session = await openBrowserSession();
    url = session.url;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the facilitator the indicators with their method, the map with site markers, the Sankey and the network', async () => {
    const page = await newPage();
    await logIn(page, url, FACILITATOR);
    await openDashboard(page);
    expect(await page.getByRole('link', { name: 'Tableau de bord', exact: true }).getAttribute('aria-current')).toBe('page');

    await page.getByRole('heading', { name: /^Suggérées \d+ synergies$/ }).waitFor();
    await page.getByText('Comment ces chiffres sont calculés').click();
    const methodLink = page.getByRole('link', { name: 'Voir le calcul sur la page d’une synergie' });
    expect(await methodLink.getAttribute('href')).toMatch(/^#\/synergies\/.+/);

    const map = page.getByRole('region', { name: 'Carte des sites et des synergies' });
    const markers = await map.locator('path.site-marker').count();
    expect(markers).toBeGreaterThanOrEqual(30);
    expect(await map.locator('details.map-sites li').count()).toBe(markers);
    expect(await map.locator('path.map-link').count()).toBeGreaterThan(0);
    await map.locator('.leaflet-control-scale').waitFor();
    expect(await map.locator('img.leaflet-tile').count()).toBe(0);

    const sankey = page.getByRole('region', { name: 'Flux du territoire' });
    await sankey.getByRole('img', { name: /^Diagramme de Sankey : [\d\s  ,]+ t par an$/ }).waitFor();
    expect(await sankey.locator('path.sankey-link').count()).toBeGreaterThan(3);
    expect(await sankey.locator('path.sankey-link[stroke="#15803d"]').count()).toBe(0);
    await sankey.getByRole('button', { name: 'Après les synergies suggérées' }).click();
    await sankey.getByText(/iraient vers une synergie/).waitFor();
    expect(await sankey.locator('path.sankey-link[stroke="#15803d"]').count()).toBeGreaterThan(0);
    // The same picture as a table, for those who do not see it.
    expect(await sankey.locator('details.sankey-table td', { hasText: /^Synergie$/ }).count()).toBeGreaterThan(0);

    const network = page.getByRole('region', { name: 'Réseau des synergies' });
    await network.getByRole('img', { name: /^Réseau : \d+ acteurs, \d+ synergies$/ }).waitFor();
    expect(await network.locator('.network-node').count()).toBeGreaterThan(10);
    expect(await network.locator('line.network-edge').count()).toBeGreaterThan(10);
    // The facilitator sees every party named.
    expect(await network.locator('.network-node.anonymous').count()).toBe(0);

    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-facilitator-1440.png'), fullPage: true });
  });

  it('draws the shipped basemap under the sites: départements and place names, from a hashed asset of this server, compressed and cached', async () => {
    const page = await newPage();
    await logIn(page, url, FACILITATOR);
    const basemap = page.waitForResponse((response) => /\/assets\/grand-est-[\w-]+\.json$/.test(response.url()));
    await openDashboard(page);
    const answer = await basemap;
    expect(new URL(answer.url()).origin).toBe(new URL(url).origin);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
    expect(answer.headers()['cache-control']).toContain('immutable');

    const map = page.getByRole('region', { name: 'Carte des sites et des synergies' });
    // Leaflet draws "M0 0" for an area outside the view: Moselle, where the sites are, is drawn.
    await map.locator('path.basemap-department:not([d="M0 0"])').first().waitFor();
    expect(await map.locator('path.basemap-department').count()).toBe(10);
    expect(await map.locator('path.basemap-neighbour').count()).toBeGreaterThan(0);
    expect(await map.locator('.basemap-label-department').filter({ hasText: /^Moselle$/ }).count()).toBe(1);
    // The communes of Val de Fensch are named at the zoom of the demo sites, each once.
    for (const commune of ['Florange', 'Hayange']) {
      expect(await map.locator('.basemap-label-place').filter({ hasText: new RegExp(`^${commune}$`) }).count()).toBe(1);
    }
    const visible = await map.locator('.basemap-label-place span').evaluateAll((spans) => {
      const box = spans[0]?.closest('.leaflet-container')?.getBoundingClientRect();
      return spans.filter((span) => {
        const r = span.getBoundingClientRect();
        return box && r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
      }).map((span) => span.getBoundingClientRect());
    });
    expect(visible.length).toBeGreaterThanOrEqual(5);
    // Readable: no two names written over each other.
    for (const [i, a] of visible.entries()) {
      for (const b of visible.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    }
    expect(await map.locator('.leaflet-control-attribution').textContent()).toContain('GeoNames (CC BY 4.0)');
    expect(await map.locator('img.leaflet-tile').count()).toBe(0);

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await map.screenshot({ path: path.join(ARTIFACTS, 'dashboard-basemap-1440.png') });

    // Zoomed out, the names of Val de Fensch give way to the larger towns; the outlines stay.
    await map.getByRole('button', { name: 'Zoom out' }).click();
    await map.getByRole('button', { name: 'Zoom out' }).click();
    await map.getByRole('button', { name: 'Zoom out' }).click();
    await map.locator('.basemap-label-place span').filter({ hasText: /^Metz$/ }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.territory-map .leaflet-zoom-anim'));
    expect(await map.locator('.basemap-label-place').filter({ hasText: /^Knutange$/ }).count()).toBe(0);
    await map.screenshot({ path: path.join(ARTIFACTS, 'dashboard-basemap-zoomed-out-1440.png') });
  });

  it("shows a company member no anonymous counterpart's site, name or line", async () => {
    const counterparts = await anonymousCounterparts(url, STEEL_MEMBER);
    expect(counterparts.length, 'the demo member has anonymous counterparts').toBeGreaterThan(0);
    const page = await newPage();
    await logIn(page, url, STEEL_MEMBER);
    await openDashboard(page);
    const map = page.getByRole('region', { name: 'Carte des sites et des synergies' });
    const network = page.getByRole('region', { name: 'Réseau des synergies' });
    await network.locator('.network-node.anonymous').first().waitFor();

    const listed = await map.locator('details.map-sites li').allTextContents();
    expect(await map.locator('path.site-marker').count()).toBe(listed.length);
    expect(listed.some((site) => site.startsWith('Aciéries de la Fensch — '))).toBe(true);
    const text = (await page.locator('body').textContent()) ?? '';
    const titles = (await page.locator('svg title').allTextContents()).join('\n');
    for (const { name, siteNames } of counterparts) {
      expect(text).not.toContain(name);
      expect(titles).not.toContain(name);
      for (const site of siteNames) expect(listed.join('\n')).not.toContain(site);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-member-1440.png'), fullPage: true });
  });

  it.each([
    ['facilitator', FACILITATOR],
    ['member', STEEL_MEMBER],
  ])('fits a phone without horizontal scroll (%s)', async (who, email) => {
    const page = await newPage(PHONE);
    await logIn(page, url, email);
    await openDashboard(page);
    await page.getByRole('region', { name: 'Réseau des synergies' }).locator('.network-node').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${who}-390.png`), fullPage: true });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it("asked nothing of any machine but this one: every address is the app's own origin, the basemap's too", () => {
    expect(requested.length).toBeGreaterThan(0);
    const app = new URL(url);
    const elsewhere = requested.filter((address) => {
      const { protocol, host } = new URL(address);
      if (protocol === 'data:' || protocol === 'blob:') return false;
      return !['http:', 'ws:'].includes(protocol) || host !== app.host;
    });
    expect(elsewhere).toEqual([]);
    expect(requested.some((address) => /\/assets\/grand-est-[\w-]+\.json$/.test(address))).toBe(true);
  });
});
