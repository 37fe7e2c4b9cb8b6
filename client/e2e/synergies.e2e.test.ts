import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logIn, openBrowserSession, type BrowserSession } from './browser-session';

const SCREENSHOT = '/tmp/fe2i-synergies.png';
// The same page as a party sees it before consent.
const SCREENSHOT_PARTY = '/tmp/fe2i-synergies-party.png';
// Public demo credentials, from server/src/demo/demo-accounts.ts.
const PASSWORD = DEMO_PASSWORD;
const FACILITATOR = 'animatrice@valolab.demo';
const MEMBERS = ['julien@acier-fensch.demo', 'sofia@menuiserie-knutange.demo', 'marc@agglo-fensch.demo'];

interface Party {
  email: string;
  organization: string;
}

interface Pair {
  synergyId: string;
  requester: Party;
  responder: Party;
}

/** A signed-in API session, for what the test needs to know before driving the browser. */
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
  if (!logIn.ok || !cookie) throw new Error(`${email} could not log in: ${logIn.status} ${await logIn.text()}`);
  return async function query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (!body.data || body.errors) throw new Error(`GraphQL error for ${email}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/** A distance band as the API gives it to a party before consent ("< 2 km", "2–5 km", "> 100 km"). */
const DISTANCE_BAND = /(?:< 2|\d+–\d+|> 100) km/;

/** What the test compares the page with: the explanation and factors as the facilitator reads them, in French. */
const FACILITATOR_VIEW = `query($id: ID!) { synergy(id: $id, language: FR) {
  explanation { reasons { sentence } conditionsMet { sentence } }
  impacts { factors { id labelFr source { citation url } } }
} }`;

interface FacilitatorView {
  explanation: { reasons: { sentence: string | null }[]; conditionsMet: { sentence: string | null }[] };
  impacts: { factors: { id: string; labelFr: string | null; source: { citation: string; url: string | null } | null }[] }[];
}

interface SynergyNodes {
  synergies: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; status: string; participants: { organization: { id: string; name: string } | null }[] }[];
  };
}

/**
 * A suggested synergy between exactly two organisations of two demo members, found through the API as the
 * facilitator sees it (the engine's ranking may change: nothing is assumed about titles or order).
 */
async function findPair(url: string): Promise<Pair> {
  const members = new Map<string, Party>();
  for (const email of MEMBERS) {
    const query = await apiSession(url, email);
    const { viewer } = await query<{ viewer: { memberships: { organization: { id: string; name: string } }[] } }>(
      '{ viewer { memberships { organization { id name } } } }',
    );
    for (const { organization } of viewer.memberships) members.set(organization.id, { email, organization: organization.name });
  }
  const query = await apiSession(url, FACILITATOR);
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const { synergies }: SynergyNodes = await query<SynergyNodes>(
      `query($after: String) { synergies(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id status participants { organization { id name } } }
      } }`,
      { after },
    );
    for (const synergy of synergies.nodes) {
      const orgIds = [...new Set(synergy.participants.map((p) => p.organization?.id ?? '?'))];
      const parties = orgIds.map((id) => members.get(id));
      if (synergy.status !== 'SUGGESTED' || parties.length !== 2) continue;
      const [a, b] = parties;
      if (a && b && a.email !== b.email) {
        const [requester, responder] = a.email === MEMBERS[0] ? [a, b] : b.email === MEMBERS[0] ? [b, a] : [a, b];
        return { synergyId: synergy.id, requester, responder };
      }
    }
    if (!synergies.pageInfo.hasNextPage) break;
    after = synergies.pageInfo.endCursor;
  }
  throw new Error('No suggested synergy between two demo members: the end-to-end test needs one in the demo territory.');
}

describe('the synergies workspace, in a browser, against the real server', () => {
  let session: BrowserSession;
  let url: string;
  let pair: Pair;

  const newPage = () => session.newPage();

  beforeAll(async () => {
    session = await openBrowserSession();
    url = session.url;
    pair = await findPair(url);
  });

  afterAll(async () => {
    await session?.close();
  });

  describe('the facilitator', () => {
    let page: Page;

    it('sees at least 15 synergies of both kinds, ranked by score, and the impacts of the territory', async () => {
      page = await newPage();
      await logIn(page, url, FACILITATOR);
      await page.getByRole('link', { name: 'Synergies', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Synergies' }).waitFor();
      expect(await page.getByRole('link', { name: 'Synergies', exact: true }).getAttribute('aria-current')).toBe('page');

      const impacts = page.getByRole('region', { name: /^Impacts du territoire/ });
      await impacts.getByRole('heading', { name: /^Suggérées \d+ synergies$/ }).waitFor();
      await page.getByRole('button', { name: 'Lancer la détection' }).waitFor();
      // Beside each once-counted total, what is expected of it (× the probability that a suggestion happens, PNSI).
      const suggested = impacts.locator('.impact-stage').first();
      await suggested.getByText(/^\s*attendu \S/).first().waitFor();
      expect(await suggested.locator('.expected').count()).toBe(await suggested.locator('dd').count());
      await impacts.getByText(/138 synergies concrétisées sur 588 détectées/).waitFor();

      const list = page.getByRole('region', { name: 'Synergies, meilleur score en premier' });
      const rows = list.getByRole('article');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThanOrEqual(15);

      // Both kinds, loading more pages of the connection until both show (substitutions usually rank first).
      const kinds = async () => ({
        substitution: await list.getByText('Substitution', { exact: true }).count(),
        mutualisation: await list.getByText('Mutualisation', { exact: true }).count(),
      });
      for (let more = 0; more < 10; more++) {
        const seen = await kinds();
        if (seen.substitution > 0 && seen.mutualisation > 0) break;
        const shown = await rows.count();
        await list.getByRole('button', { name: 'Afficher plus de synergies' }).click();
        await rows.nth(shown).waitFor();
      }
      const seen = await kinds();
      expect(seen.substitution).toBeGreaterThan(0);
      expect(seen.mutualisation).toBeGreaterThan(0);

      // Best score first.
      const scores = (await list.locator('.synergy-score').allTextContents()).map((text) => Number(text.match(/(\d+) \/ 100/)?.[1]));
      expect(scores.every((score) => Number.isFinite(score))).toBe(true);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));

      // Filtering by kind keeps only that kind.
      await page.getByLabel('Type').selectOption('MUTUALISATION');
      await list.getByText('Mutualisation', { exact: true }).first().waitFor();
      await expect.poll(() => list.getByText('Substitution', { exact: true }).count()).toBe(0);
      await page.getByLabel('Type').selectOption('ALL');
      await list.getByText('Substitution', { exact: true }).first().waitFor();
    });

    it('opens a synergy and sees its explanation, impacts with their range, and the method', async () => {
      // The best-ranked synergy of the first page whose impacts cite a labelled factor with its source (a reuse
      // of something recycled today credits no avoided production, so not every synergy has one).
      const query = await apiSession(url, FACILITATOR);
      const { synergies } = await query<{ synergies: { nodes: { id: string; impacts: FacilitatorView['impacts'] }[] } }>(
        '{ synergies(first: 20) { nodes { id impacts { factors { id labelFr source { citation url } } } } } }',
      );
      const chosen = synergies.nodes.find((n) => n.impacts.some((i) => i.factors.some((f) => f.labelFr && f.source)));
      expect(chosen, 'a synergy of the first page cites a labelled factor').toBeDefined();
      const list = page.getByRole('region', { name: 'Synergies, meilleur score en premier' });
      const row = list.getByRole('article').filter({ has: page.locator(`a[href="#/synergies/${encodeURIComponent(chosen!.id)}"]`) });
      const title = (await row.getByRole('heading').textContent()) ?? '';
      await row.getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();

      const explanation = page.getByRole('region', { name: 'Pourquoi cette synergie' });
      await explanation.getByRole('listitem').first().waitFor();
      const id = decodeURIComponent(new URL(page.url()).hash.replace('#/synergies/', ''));
      expect(id).toBe(chosen!.id);
      const sentences = async (language: string) =>
        (
          await query<{ synergy: { explanation: { sentences: string[] } } }>(
            'query($id: ID!, $language: Language) { synergy(id: $id, language: $language) { explanation { sentences } } }',
            { id, language },
          )
        ).synergy.explanation.sentences;
      const french = await sentences('FR');
      expect(french.length).toBeGreaterThan(0);
      expect(await explanation.getByText(french[0], { exact: true }).count()).toBe(1);

      // Each reason and condition is shown once, by the API's own sentence for it, under its heading.
      const { synergy: facts } = await query<{ synergy: FacilitatorView }>(FACILITATOR_VIEW, { id });
      const said = (items: { sentence: string | null }[]) => items.flatMap((item) => (item.sentence ? [item.sentence] : []));
      const reasons = said(facts.explanation.reasons);
      const met = said(facts.explanation.conditionsMet);
      expect(reasons.length + met.length).toBeGreaterThan(0);
      const reasonsList = explanation.getByRole('region', { name: 'Ce qui rapproche les deux côtés' });
      for (const sentence of reasons) expect(await reasonsList.getByText(sentence, { exact: true }).count()).toBe(1);
      const metList = explanation.getByRole('region', { name: 'Conditions remplies' });
      for (const sentence of met) expect(await metList.getByText(sentence, { exact: true }).count()).toBe(1);
      expect(await explanation.getByText(/^(Condition remplie|À vérifier) :/).count()).toBe(0);

      const table = page.getByRole('table', { name: /Impacts par an/ });
      const impactRows = table.locator('tbody tr');
      expect(await impactRows.count()).toBeGreaterThan(0);
      const cells = await impactRows.first().getByRole('cell').allTextContents();
      expect(cells.slice(0, 3).every((cell) => /\d/.test(cell))).toBe(true); // low, central, high

      const method = page.getByRole('region', { name: 'Méthode de calcul' });
      const formula = method.locator('code.formula').first();
      await formula.waitFor();
      expect(await formula.textContent()).toContain('=');
      // Factors by their label, with the citation of their source (a link when it has an address), not by ids.
      const factors = facts.impacts.flatMap((impact) => impact.factors);
      const labelled = factors.find((factor) => factor.labelFr && factor.source);
      expect(labelled, 'a factor with a label and a source').toBeDefined();
      const factorItem = method.getByRole('listitem').filter({ hasText: labelled!.labelFr! }).first();
      await factorItem.waitFor();
      expect(await factorItem.textContent()).toContain(labelled!.source!.citation);
      expect(await factorItem.textContent()).not.toContain(labelled!.id);
      if (labelled!.source!.url) {
        expect(await factorItem.getByRole('link', { name: labelled!.source!.citation }).getAttribute('href')).toBe(labelled!.source!.url);
      }
      const sources = page.getByRole('region', { name: 'Sources citées' }).getByRole('listitem');
      expect(await sources.count()).toBeGreaterThan(0);
      await page.getByRole('region', { name: 'Participants' }).waitFor();
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // In English, the explanation is the API's English one.
      await page.getByLabel('Langue').selectOption('en');
      const english = await sentences('EN');
      expect(english[0]).not.toBe(french[0]);
      const explanationEn = page.getByRole('region', { name: 'Why this synergy' });
      await explanationEn.getByText(english[0], { exact: true }).waitFor();
      expect(await explanationEn.getByText(french[0], { exact: true }).count()).toBe(0);
      await page.getByRole('heading', { name: 'Estimated impacts' }).waitFor();
    });
  });

  describe('two member companies', () => {
    let requester: Page;
    let responder: Page;
    const detail = () => `${url}/#/synergies/${encodeURIComponent(pair.synergyId)}`;
    const participants = (page: Page) => page.getByRole('region', { name: 'Participants' });

    it('see each other anonymously, and the requester asks to be put in touch', async () => {
      requester = await newPage();
      await logIn(requester, url, pair.requester.email);
      await requester.getByRole('link', { name: 'Synergies', exact: true }).click();
      await requester.getByRole('region', { name: 'Synergies, meilleur score en premier' }).getByRole('article').first().waitFor();
      expect(await requester.locator('main').textContent()).not.toContain(pair.responder.organization);

      await requester.goto(detail());
      await participants(requester).getByText('Partenaire anonyme').waitFor();
      await participants(requester).getByText(pair.requester.organization).waitFor();
      expect(await requester.locator('body').textContent()).not.toContain(pair.responder.organization);
      await requester.getByText('Les chiffres concernant l\'autre partie restent confidentiels', { exact: false }).first().waitFor();

      // Before consent, the party reads the explanation in sentences, with the distance as a band, not the exact one.
      const explanation = requester.getByRole('region', { name: 'Pourquoi cette synergie' });
      await explanation.getByRole('listitem').first().waitFor();
      const shown = await explanation.getByRole('listitem').allTextContents();
      expect(shown.some((sentence) => DISTANCE_BAND.test(sentence))).toBe(true);
      const { synergy: facts } = await (await apiSession(url, FACILITATOR))<{ synergy: FacilitatorView }>(FACILITATOR_VIEW, {
        id: pair.synergyId,
      });
      const exact = facts.explanation.reasons.flatMap((reason) => (reason.sentence?.startsWith('Distance') ? [reason.sentence] : []));
      expect(exact.length).toBeGreaterThan(0);
      for (const sentence of exact) expect(shown).not.toContain(sentence);
      expect(await explanation.textContent()).not.toContain(pair.responder.organization);
      await requester.screenshot({ path: SCREENSHOT_PARTY, fullPage: true });

      await requester.getByRole('button', { name: 'Demander la mise en relation' }).click();
      await requester.getByText('Vous avez demandé la mise en relation', { exact: false }).waitFor();
      await requester.getByText('Décision enregistrée.').waitFor();
      await requester.locator('.synergy-facts').getByText('Mise en relation demandée').waitFor();
      expect(await requester.getByRole('button', { name: 'Demander la mise en relation' }).count()).toBe(0);
      expect(await requester.locator('body').textContent()).not.toContain(pair.responder.organization);
    });

    it('the other party, still not knowing who asks, accepts; identities are revealed', async () => {
      responder = await newPage();
      await logIn(responder, url, pair.responder.email);
      await responder.goto(detail());
      await responder.getByText('Une autre partie demande la mise en relation', { exact: false }).waitFor();
      await participants(responder).getByText('Partenaire anonyme').waitFor();
      expect(await responder.locator('body').textContent()).not.toContain(pair.requester.organization);

      await responder.getByRole('button', { name: 'Accepter la mise en relation' }).click();
      await participants(responder).getByText(pair.requester.organization).waitFor();
      await responder.locator('.synergy-facts').getByText('Acceptée').waitFor();
      expect(await participants(responder).getByText('Partenaire anonyme').count()).toBe(0);
    });

    it('the requester now sees who the other party is, in either language', async () => {
      await requester.reload();
      await participants(requester).getByText(pair.responder.organization).waitFor();
      await requester.getByText('Toutes les parties ont accepté : les identités sont révélées.', { exact: true }).waitFor();
      expect(await participants(requester).getByText('Partenaire anonyme').count()).toBe(0);

      await requester.getByLabel('Langue').selectOption('en');
      await requester.getByText('Every side has accepted: identities are revealed.').waitFor();
      await requester.getByRole('heading', { name: 'Why this synergy' }).waitFor();
      await requester.locator('.synergy-facts').getByText('Accepted', { exact: true }).waitFor();
      expect(await requester.locator('html').getAttribute('lang')).toBe('en');
    });

    it('hears live of a synergy suggested to its organisation while the page is open (graphql-ws)', async () => {
      await responder.getByRole('link', { name: 'Synergies', exact: true }).click();
      await responder.getByRole('region', { name: 'Synergies, meilleur score en premier' }).getByRole('article').first().waitFor();
      expect(await responder.getByText('Nouvelle synergie suggérée', { exact: false }).count()).toBe(0);

      // A need the steelworks' and foundries' scrap answers, declared through the API from the same session. The
      // page subscribes once shown, and a suggestion made before that is not sent: declared again (a new need)
      // until the notice shows, rather than after a guessed delay.
      const declareNeed = (attempt: number) =>
        responder.evaluate(async (attempt) => {
          const post = async (query: string, variables: Record<string, unknown> = {}) =>
            (await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json();
          const viewer = await post('{ viewer { memberships { organization { sites { id } } } } }');
          const siteId: string = viewer.data.viewer.memberships[0].organization.sites[0].id;
          const input = { siteId, direction: 'INPUT', category: 'MATERIAL', label: `Ferrailles pour fonderie ${attempt}`, ewcCode: '12 01 01',
            quantity: 50, unit: 'TONNE', period: 'YEAR', visibility: 'TERRITORY' };
          return post('mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }', { input });
        }, attempt);
      const live = responder.getByText('Nouvelle synergie suggérée', { exact: false }).first();
      let shown = false;
      for (let attempt = 1; attempt <= 4 && !shown; attempt++) {
        const declared = await declareNeed(attempt);
        expect(declared.errors).toBeUndefined();
        shown = await live.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      }
      expect(shown, 'a live notice of the suggestion within four declarations').toBe(true);
      expect(await responder.getByRole('link', { name: 'Voir la synergie' }).count()).toBeGreaterThan(0);
    });
  });
});
