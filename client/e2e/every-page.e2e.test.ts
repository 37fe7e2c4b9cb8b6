import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, logIn, openBrowserSession, scrollWidth, type BrowserSession, type Viewport } from './browser-session';

/**
 * Every page of the workspace, as a facilitator and as a company member, on a desktop and on a phone: checked by
 * axe-core (no serious or critical violation of WCAG 2.1 A/AA), never wider than the window, and photographed
 * (client/e2e/artifacts/page-<who>-<page>-<width>.png).
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

let session: BrowserSession;

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

async function check(page: Page, name: string, file: string, viewport: Viewport, findings: Finding[], widths: string[]) {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    findings.push({
      page: name,
      rule: violation.id,
      impact: violation.impact,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      help: violation.help,
    });
  }
  const width = await scrollWidth(page);
  if (width > viewport.width) widths.push(`${name}: ${width}px`);
  await page.screenshot({ path: path.join(ARTIFACTS, `${file}-${viewport.width}.png`), fullPage: true });
}

describe('every page, in a browser, against the real server', () => {
  it('the log-in page, before anyone logs in', async () => {
    const findings: Finding[] = [];
    const widths: string[] = [];
    for (const viewport of VIEWPORTS) {
      const page = await session.newPage(viewport);
      await page.goto(session.url);
      await page.getByLabel('Adresse e-mail').waitFor();
      await check(page, `log-in ${viewport.width}`, 'page-visitor-login', viewport, findings, widths);
      await page.goto(`${session.url}/#/nowhere`);
      await check(page, `log-in on unknown address ${viewport.width}`, 'page-visitor-unknown', viewport, findings, widths);
    }
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
    expect(widths).toEqual([]);
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
