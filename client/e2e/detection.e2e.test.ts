import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, logIn, openBrowserSession, type BrowserSession } from './browser-session';

/**
 * The facilitator runs the detection from the synergies page and follows it live: a progress bar with its phase
 * moves up to the end, a second facilitator's window sees the same run, and the counts show. A member mutes the
 * notifications of new synergies; the choice survives a reload and follows them to another browser; while muted a new suggestion shows no notice (only
 * a quiet count), and once turned back on the next one does.
 */

let session: BrowserSession;
const FACILITATOR = 'animatrice@valolab.demo';
const MEMBER = 'sofia@menuiserie-knutange.demo';

beforeAll(async () => {
  session = await openBrowserSession();
});

afterAll(async () => {
  await session?.close();
});

/** Records every value the page's detection progress bar takes, and every phase line it shows. */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: { value: number; text: string }[] = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('.detection-progress progress');
      if (bar) seen.push({ value: bar.value, text: document.querySelector('.detection-progress p')?.textContent ?? '' });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __progress: { value: number; text: string }[] }).__progress);

async function openSynergies(page: Page) {
  await page.getByRole('link', { name: 'Synergies', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Synergies' }).waitFor();
}

describe('detection with progress, and notifications that can be muted', () => {
  it('the facilitator follows the run live, and so does a colleague’s window', async () => {
    const page = await session.newPage({ width: 1440, height: 900 });
    const colleague = await session.newPage({ width: 390, height: 844 });
    for (const p of [page, colleague]) {
      await logIn(p, session.url, FACILITATOR);
      await openSynergies(p);
      await p.getByRole('button', { name: 'Lancer la détection' }).waitFor();
      await recordProgress(p);
    }
    // The subscription starts with the panel; a first run proves it is live (the bar shows, or at least the counts).
    await page.getByRole('button', { name: 'Lancer la détection' }).click();
    const report = page.getByRole('status').filter({ hasText: /synergies trouvées/ });
    await report.waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await recorded(colleague)).length, { timeout: 30_000 }).toBeGreaterThan(0);

    const seenByColleague = await recorded(colleague);
    const values = seenByColleague.map((s) => s.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(seenByColleague.some((s) => /Recherche des substitutions|Enregistrement des synergies|Lecture des flux/.test(s.text))).toBe(true);
    expect(seenByColleague.some((s) => s.text.includes('Une détection lancée par une autre personne'))).toBe(true);
    const seenHere = await recorded(page);
    expect(seenHere.length).toBeGreaterThan(0);
    expect(seenHere.some((s) => s.text.includes('Une détection lancée par une autre personne'))).toBe(false);
    // The colleague's window ends with the same counts, from the run's last event.
    await colleague.getByRole('status').filter({ hasText: await report.innerText() }).waitFor();
    await colleague.screenshot({ path: path.join(ARTIFACTS, 'detection-done-390.png'), fullPage: true });
  }, 180_000);

  it('a member mutes the notifications, keeps the choice after a reload, and turns them back on', async () => {
    const page = await session.newPage({ width: 1440, height: 900 });
    await logIn(page, session.url, MEMBER);
    await openSynergies(page);
    await page.getByRole('button', { name: 'Couper les notifications' }).click();
    await page.getByText('Notifications de nouvelles synergies coupées.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Synergies' }).waitFor();
    await page.getByRole('button', { name: 'Réactiver les notifications' }).waitFor();
    // Kept on the account too: another browser (a context with its own storage) finds them muted.
    const elsewhere = await session.newPage({ width: 390, height: 844 });
    await logIn(elsewhere, session.url, MEMBER);
    await openSynergies(elsewhere);
    await elsewhere.getByRole('button', { name: 'Réactiver les notifications' }).waitFor();
    expect(await elsewhere.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fe2i.notifications')))).toEqual([]);

    // A need the steelworks' scrap answers, declared through the API from the same session, until the quiet count
    // shows that a suggestion arrived (the page subscribes once shown: one made before is not sent).
    const declareNeed = (attempt: number) =>
      page.evaluate(async (attempt) => {
        const post = async (query: string, variables: Record<string, unknown> = {}) =>
          (await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json();
        const viewer = await post('{ viewer { memberships { organization { sites { id } } } } }');
        const siteId: string = viewer.data.viewer.memberships[0].organization.sites[0].id;
        const input = { siteId, direction: 'INPUT', category: 'MATERIAL', label: `Ferrailles pour atelier ${attempt}`, ewcCode: '12 01 01', quantity: 40, unit: 'TONNE', period: 'YEAR', visibility: 'TERRITORY' };
        return post('mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }', { input });
      }, attempt);
    const quietCount = page.getByText(/Notifications coupées : \d+ nouvelle/);
    let counted = false;
    let attempt = 0;
    while (attempt < 4 && !counted) {
      expect((await declareNeed(++attempt)).errors).toBeUndefined();
      counted = await quietCount.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    }
    expect(counted, 'a suggestion arrived while muted').toBe(true);
    expect(await page.getByText('Nouvelle synergie suggérée', { exact: false }).count()).toBe(0);

    await page.getByRole('button', { name: 'Réactiver les notifications' }).click();
    const notice = page.getByText('Nouvelle synergie suggérée', { exact: false }).first();
    let shown = false;
    while (attempt < 8 && !shown) {
      expect((await declareNeed(++attempt)).errors).toBeUndefined();
      shown = await notice.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    }
    expect(shown, 'a notice once notifications are back on').toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'notification-1440.png'), fullPage: true });
    await page.reload();
    await page.getByRole('button', { name: 'Couper les notifications' }).waitFor();
  }, 180_000);
});
