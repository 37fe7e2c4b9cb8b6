import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, DEMO_PASSWORD, logIn, openBrowserSession, scrollWidth, type BrowserSession, type Viewport } from './browser-session';
import { clientDir } from './server';

/**
 * Every page of the workspace, as a facilitator and as a company member, on a desktop and on a phone: checked by
 * axe-core (no serious or critical violation of WCAG 2.1 A/AA), never wider than the window, and photographed
 * (client/e2e/artifacts/page-<who>-<page>-<width>.png; the directory also with its filters in use). Every route of `ui/route.ts` is visited (a test below
 * checks the list against it), the pages of links (invitation, password reset, setup) as a visitor; GraphiQL
 * (`GET /graphql`, a page of its own outside the app) is checked and photographed too.
 */

const VIEWPORTS: Viewport[] = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const PEOPLE = [
  { who: 'facilitator', email: 'animatrice@valolab.demo' },
  { who: 'member', email: 'julien@acier-fensch.demo' },
];

interface Finding {
  page: string;
  rule: string;
  impact: string;
  targets: string[];
  help: string;
}

/** A violation in third-party markup we cannot change, allowed on one page only, by rule and by the node's HTML. */
interface KnownViolation {
  rule: string;
  html: RegExp;
  why: string;
}

/**
 * GraphiQL 5.4.0's own markup (docs/reviews/issue-12-audit.md): each editor tab is an `<li role="tab">` holding its
 * title button and its close button, which axe reports as nested-interactive (serious). Neither GraphiQL's props
 * nor our wrapper can change that element; everything else on the page (contrast included) is fixed and checked.
 * The test fails if this violation disappears (an upgrade fixed it: drop this entry) or any other one appears.
 */
const GRAPHIQL_KNOWN: KnownViolation[] = [
  { rule: 'nested-interactive', html: /^<li [^>]*role="tab" class="graphiql-tab[ "]/, why: 'GraphiQL tab: <li role="tab"> containing its buttons' },
];

/** The routes of `ui/route.ts` this file visits (the `join`, `reset`, `setup` links as a visitor). */
const VISITED_ROUTES = ['directory', 'organization', 'flows', 'newFlow', 'flow', 'synergies', 'synergy', 'newSynergy', 'projects', 'project', 'apiTokens', 'dashboard', 'report', 'import', 'join', 'reset', 'setup', 'notFound'];

let session: BrowserSession;

/** A real invitation link, made by the demo facilitator for an address without account. */
async function invitationPath(): Promise<string> {
  const gql = async (query: string, variables: Record<string, unknown>, cookie?: string) => {
    const response = await fetch(`${session.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { body: (await response.json()) as any, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] };
  };
  const { cookie } = await gql(`mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p}) { viewer { id } } }`, { e: 'animatrice@valolab.demo', p: DEMO_PASSWORD });
  const organizations = await gql(`{ organizations(first: 1) { nodes { id } } }`, {}, cookie);
  const invited = await gql(`mutation($o: ID!) { inviteToOrganization(organizationId: $o, email: "nouvelle@exemple.fr") { path } }`, { o: organizations.body.data.organizations.nodes[0].id }, cookie);
  return invited.body.data.inviteToOrganization.path.replace(/^\//, '');
}

beforeAll(async () => {
  session = await openBrowserSession();
});

afterAll(async () => {
  await session?.close();
});

/**
 * Waits until the page has its data: no "Chargement…" left on it, and a moment without HTTP requests when there is
 * one (a live page — the plan editor, subscriptions — keeps its WebSockets open and may never be idle for long).
 */
async function settle(page: Page) {
  await page.waitForLoadState('load');
  await expect.poll(() => page.getByText('Chargement…').count(), { timeout: 30_000 }).toBe(0);
  await page.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => {});
}

/** The first link of the page to an item of `list`, for the pages reached through a list. */
async function firstItem(page: Page, list: string, exclude?: string): Promise<string | null> {
  const links = page.locator(`main a[href^="#/${list}/"]${exclude ? `:not([href="${exclude}"])` : ''}`);
  return (await links.count()) ? links.first().getAttribute('href') : null;
}

async function check(page: Page, name: string, file: string, viewport: Viewport, findings: Finding[], widths: string[], known: KnownViolation[] = [], seenKnown: string[] = []) {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    const nodes = violation.nodes.filter((node) => {
      const allowance = known.find((k) => k.rule === violation.id && k.html.test(node.html));
      if (allowance) seenKnown.push(`${name}: ${allowance.why}`);
      return !allowance;
    });
    if (!nodes.length) continue;
    findings.push({
      page: name,
      rule: violation.id,
      impact: violation.impact,
      targets: nodes.slice(0, 3).map((node) => node.target.join(' ')),
      help: violation.help,
    });
  }
  const width = await scrollWidth(page);
  if (width > viewport.width) widths.push(`${name}: ${width}px`);
  await page.screenshot({ path: path.join(ARTIFACTS, `${file}-${viewport.width}.png`), fullPage: true });
}

describe('every page, in a browser, against the real server', () => {
  it('every route of the app is visited below', async () => {
    const routes = [...(await readFile(path.join(clientDir, 'src/ui/route.ts'), 'utf8')).matchAll(/\| \{ name: '(\w+)'/g)].map((m) => m[1]);
    expect(routes.sort()).toEqual([...VISITED_ROUTES].sort());
  });

  it('the log-in page and the pages of links, before anyone logs in', async () => {
    const findings: Finding[] = [];
    const widths: string[] = [];
    const seenKnown: string[] = [];
    const invitation = await invitationPath();
    for (const viewport of VIEWPORTS) {
      const page = await session.newPage(viewport);
      await page.goto(session.url);
      await page.getByLabel('Adresse e-mail').waitFor();
      // Someone who arrives here first learns what FE2I is and who runs it.
      await page.getByRole('heading', { name: 'FE2I et VALO’LAB' }).waitFor();
      await page.getByText(/VALO’LAB anime la démarche en Lorraine Nord/).waitFor();
      await check(page, `log-in ${viewport.width}`, 'page-visitor-login', viewport, findings, widths);
      await page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
      await check(page, `log-in with reset request ${viewport.width}`, 'page-visitor-reset-request', viewport, findings, widths);
      await page.goto(`${session.url}/#/nowhere`);
      await check(page, `log-in on unknown address ${viewport.width}`, 'page-visitor-unknown', viewport, findings, widths);
      await page.goto(`${session.url}/${invitation}`);
      await page.getByRole('button', { name: 'Rejoindre' }).waitFor();
      await check(page, `join ${viewport.width}`, 'page-visitor-join', viewport, findings, widths);
      await page.goto(`${session.url}/#/reset/fe2i_r_not-a-real-link`);
      await check(page, `reset ${viewport.width}`, 'page-visitor-reset', viewport, findings, widths);
      // The demo has a facilitator: every setup link is refused, which is what this page then shows.
      await page.goto(`${session.url}/#/setup/fe2i_f_not-a-real-link`);
      await page.getByRole('alert').waitFor();
      await check(page, `setup ${viewport.width}`, 'page-visitor-setup', viewport, findings, widths);
      await page.goto(`${session.url}/graphql`);
      await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 60_000 });
      await check(page, `graphiql ${viewport.width}`, 'page-visitor-graphiql', viewport, findings, widths, GRAPHIQL_KNOWN, seenKnown);
    }
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
    expect(widths).toEqual([]);
    expect(seenKnown).toEqual(VIEWPORTS.map((v) => `graphiql ${v.width}: ${GRAPHIQL_KNOWN[0].why}`));
  }, 120_000);

  for (const person of PEOPLE) {
    it(`every page of the workspace, as the ${person.who}`, async () => {
      const findings: Finding[] = [];
      const widths: string[] = [];
      for (const viewport of VIEWPORTS) {
        const page = await session.newPage(viewport);
        await logIn(page, session.url, person.email);
        const visit = async (hash: string, name: string) => {
          await page.goto(`${session.url}/${hash}`);
          await check(page, `${name} ${viewport.width}`, `page-${person.who}-${name}`, viewport, findings, widths);
        };
        await visit('#/', 'directory');
        // The directory narrowed by sector and commune: its four-field search form, its table, on a phone too.
        await page.getByLabel('Secteur d’activité').selectOption({ label: 'Industrie manufacturière' });
        await page.getByLabel('Commune (nom complet)').fill('Florange');
        const sectors = page.getByRole('table').locator('tbody td.sector');
        await expect.poll(async () => new Set(await sectors.allTextContents()), { timeout: 15_000 }).toEqual(new Set(['Industrie manufacturière']));
        await check(page, `directory-filtered ${viewport.width}`, `page-${person.who}-directory-filtered`, viewport, findings, widths);
        const organization = await firstItem(page, 'organizations');
        if (organization) await visit(organization, 'organization');
        await visit('#/flows', 'flows');
        const flow = await firstItem(page, 'flows', '#/flows/new');
        await visit('#/flows/new', 'new-flow');
        if (flow) await visit(flow, 'flow');
        await visit('#/synergies', 'synergies');
        const synergy = await firstItem(page, 'synergies', '#/synergies/new');
        // The form to record a synergy by hand (its link is for facilitators; others get its refusal).
        const recordLink = await page.locator('main a[href="#/synergies/new"]').count();
        if (synergy) await visit(synergy, 'synergy');
        if (recordLink) await visit('#/synergies/new', 'new-synergy');
        await visit('#/projects', 'projects');
        const project = await firstItem(page, 'projects');
        if (project) await visit(project, 'project');
        await visit('#/dashboard', 'dashboard');
        await page.goto(`${session.url}/#/report`);
        await page.getByRole('heading', { name: /Rapport du territoire — / }).waitFor({ timeout: 60_000 });
        await check(page, `report ${viewport.width}`, `page-${person.who}-report`, viewport, findings, widths);
        await visit('#/import', 'import');
        await visit('#/api-tokens', 'api-tokens');
        await visit('#/nowhere', 'not-found');
        expect(organization && synergy).toBeTruthy();
      }
      expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
      expect(widths).toEqual([]);
    }, 600_000);
  }
});
