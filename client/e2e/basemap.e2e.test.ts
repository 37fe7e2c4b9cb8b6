import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, DEMO_PASSWORD, logIn, openBrowserSession, type BrowserSession } from './browser-session';

// The shipped basemap under the organisation's map and the site placer (the dashboard's is in dashboard.e2e).
const FACILITATOR = 'animatrice@valolab.demo';
const STEEL_MEMBER = 'julien@acier-fensch.demo';
const STEELWORKS = 'Aciéries de la Fensch';

async function facilitatorQuery<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const logIn = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($input: LogInInput!) { logIn(input: $input) { viewer { id } } }', variables: { input: { email: FACILITATOR, password: DEMO_PASSWORD } } }),
  });
  const cookie = logIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

describe('the shipped basemap under the organisation maps, in a browser, against the real server', () => {
  let session: BrowserSession;
  const requested: string[] = [];

  async function newPage() {
    const context = await session.newContext({ width: 1280, height: 900 });
    context.on('request', (request) => requested.push(request.url()));
    return context.newPage();
  }

  beforeAll(async () => {
    session = await openBrowserSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("draws départements and commune names on an organisation's map of sites", async () => {
    const page = await newPage();
    await logIn(page, session.url, STEEL_MEMBER);
    await page.getByRole('link', { name: STEELWORKS }).click();
    const map = page.getByRole('group', { name: `Carte des sites — ${STEELWORKS}` });
    await map.locator('path.basemap-department:not([d="M0 0"])').first().waitFor();
    await map.locator('.basemap-label-place span').filter({ hasText: /^(Hayange|Florange|Serémange-Erzange)$/ }).first().waitFor();
    expect(await map.locator('.leaflet-control-attribution').textContent()).toContain('GeoNames (CC BY 4.0)');
    await map.screenshot({ path: path.join(ARTIFACTS, 'organization-sites-basemap.png') });
  });

  it('opens the site placer of an organisation without sites on Val de Fensch, and a click on a name still places the site', async () => {
    const { territories } = await facilitatorQuery<{ territories: { id: string; name: string }[] }>(session.url, '{ territories { id name } }');
    const territory = territories.find((t) => /Fensch/.test(t.name)) ?? territories[0];
    const { createOrganization } = await facilitatorQuery<{ createOrganization: { id: string } }>(
      session.url,
      'mutation($t: ID!) { createOrganization(input: { territoryId: $t, name: "Tôlerie sans site (e2e)", kind: COMPANY }) { id } }',
      { t: territory.id },
    );
    const page = await newPage();
    await logIn(page, session.url, FACILITATOR);
    await page.goto(`${session.url}/#/organizations/${encodeURIComponent(createOrganization.id)}`);
    await page.getByRole('button', { name: 'Ajouter un site' }).click();
    const placer = page.getByRole('group', { name: 'Carte pour placer le site' });
    // Without a site to start from, the map first shows metropolitan France, then fits Moselle and
    // Meurthe-et-Moselle once the basemap is there: its scale shrinks from hundreds of kilometres to tens.
    const thionville = placer.locator('.basemap-label-place span').filter({ hasText: /^Thionville$/ });
    await thionville.waitFor();
    await expect.poll(async () => Number((await placer.locator('.leaflet-control-scale-line').first().textContent())?.match(/(\d+) km/)?.[1] ?? Infinity)).toBeLessThanOrEqual(50);
    const box = (await thionville.boundingBox())!;
    const container = (await placer.locator('.leaflet-container').boundingBox())!;
    expect(box.x).toBeGreaterThan(container.x);
    expect(box.y + box.height).toBeLessThan(container.y + container.height);
    // The name lets the click through to the map, which places the site there.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByLabel('Latitude').inputValue()).toMatch(/^49,[2-4]\d*$/);
    expect(await page.getByLabel('Longitude').inputValue()).toMatch(/^6,[0-2]\d*$/);
    await placer.screenshot({ path: path.join(ARTIFACTS, 'site-placer-basemap.png') });
  });

  it("asked nothing of any machine but this one: every address is the app's own origin", () => {
    const app = new URL(session.url);
    expect(requested.some((address) => /\/assets\/grand-est-[\w-]+\.json$/.test(address))).toBe(true);
    expect(requested.filter((address) => !address.startsWith('data:') && !address.startsWith('blob:') && new URL(address).host !== app.host)).toEqual([]);
  });
});
