import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { TestApp, type As } from './harness.js';

/** The territory report (PDF and CSV) through the real server: its figures are the reader's API answers, no more. */

let t: TestApp;
let fensch: string;
let facilitator: As;
let member: As;

const REPORT = `query($t: ID!, $f: ReportFormat!, $l: Language) { territoryReport(territoryId: $t, format: $f, language: $l) { filename mediaType contentBase64 } }`;
const IMPACT = `query($t: ID!) { territoryImpact(territoryId: $t) { suggested { synergyCount totals { indicator central } } } }`;
const SYNERGIES = `query($t: ID!) { synergies(first: 100, filter: {territoryId: $t}) { nodes { id participants { organization { name } } } } }`;

async function report(as: As, format: 'PDF' | 'CSV' | 'HTML', language: 'FR' | 'EN' = 'FR') {
  return t.gql(REPORT, { t: fensch, f: format, l: language }, as);
}
const csvOf = (res: { data?: Record<string, any> }) => Buffer.from(res.data!.territoryReport.contentBase64, 'base64').toString('utf8');

beforeAll(async () => {
  t = await TestApp.start();
  facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
  member = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
  fensch = (await t.gql(`{ territories { id name } }`, {}, facilitator)).data!.territories.find((x: { name: string }) => x.name === 'Val de Fensch').id;
});

afterAll(async () => {
  await t?.stop();
});

describe('the territory report', () => {
  it('is a PDF made on the server, named after the territory and the day', async () => {
    const res = await report(facilitator, 'PDF');
    expect(res.errors).toBeUndefined();
    const { filename, mediaType, contentBase64 } = res.data!.territoryReport;
    expect(filename).toMatch(/^rapport-val-de-fensch-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(mediaType).toBe('application/pdf');
    const pdf = Buffer.from(contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-8).toString()).toContain('%%EOF');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('as CSV, carries the once-counted totals the reader gets from territoryImpact, in French or English', async () => {
    for (const [as, language, stage] of [[facilitator, 'FR', 'Suggérées'], [member, 'EN', 'Suggested']] as const) {
      const csv = csvOf(await report(as, 'CSV', language));
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = csv.slice(1).trim().split('\r\n').map((line) => line.split(';'));
      const impact = (await t.gql(IMPACT, { t: fensch }, as)).data!.territoryImpact.suggested;
      const once = rows.filter((row) => row[0].includes(language === 'FR' ? 'comptés une fois' : 'counted once') && row[1] === stage);
      expect(once.length).toBe(impact.totals.length);
      expect(once.map((row) => Number(row[6])).sort()).toEqual(impact.totals.map((total: { central: number }) => total.central).sort());
      expect(impact.totals.length).toBeGreaterThan(0);
    }
  });

  it('as a printable page, escapes what organisations wrote and loads nothing from elsewhere', async () => {
    const res = await report(facilitator, 'HTML');
    const html = Buffer.from(res.data!.territoryReport.contentBase64, 'base64').toString('utf8');
    expect(html).toMatch(/^<!doctype html><html lang="fr">/);
    expect(html).toContain('Rapport du territoire — Val de Fensch');
    expect(html).not.toMatch(/<script|src=|href=|@import|url\(/i);
  });

  it("never names a member's anonymous counterparts", async () => {
    const seen = (await t.gql(SYNERGIES, { t: fensch }, member)).data!.synergies.nodes as { id: string; participants: { organization: { name: string } | null }[] }[];
    const all = new Map(((await t.gql(SYNERGIES, { t: fensch }, facilitator)).data!.synergies.nodes as typeof seen).map((s) => [s.id, s]));
    const revealed = new Set(seen.flatMap((s) => s.participants.flatMap((p) => (p.organization ? [p.organization.name] : []))));
    const hidden = new Set<string>();
    for (const synergy of seen) {
      synergy.participants.forEach((p, i) => {
        const name = all.get(synergy.id)?.participants[i]?.organization?.name;
        if (!p.organization && name && !revealed.has(name)) hidden.add(name);
      });
    }
    expect(hidden.size).toBeGreaterThan(0);
    const csv = csvOf(await report(member, 'CSV'));
    const html = csvOf(await report(member, 'HTML'));
    for (const name of hidden) {
      expect(csv).not.toContain(name);
      expect(html).not.toContain(name);
    }
    // The same names are in the facilitator's report: the member's is silent because of who reads it.
    const full = csvOf(await report(facilitator, 'CSV'));
    expect([...hidden].some((name) => full.includes(name))).toBe(true);
  });

  it('is refused to a visitor, to a stranger who just signed up, and on a forged territory id', async () => {
    expect((await report(undefined, 'CSV')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    await t.gql(`mutation { signUp(input: {email: "rapport@curieux.example", password: "curieux-secret-1", name: "Curieux"}) { viewer { id } } }`);
    const stranger = await t.logIn('rapport@curieux.example', 'curieux-secret-1');
    const refused = await report(stranger, 'PDF');
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refused.errors![0].extensions!.code);
    expect(refused.data?.territoryReport ?? null).toBeNull();
    const forged = await t.gql(REPORT, { t: 'not-an-id', f: 'CSV' }, facilitator);
    expect(forged.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
