import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { findActivitySector } from '../../src/nomenclature/activity-sectors.js';
import { distanceBandAt } from '../../src/policy/counterpart-disclosure.js';
import { haversineKm } from '../../src/synergy/view/magnitudes.js';
import { appointFacilitator, AttackServer, type Credentials } from './sockets.js';

/**
 * Issue 8, item 9: kind + sector + distance band crossed with the public directory used to single out 38 % of the
 * anonymous counterparts. For every anonymous counterpart each demo member sees, the attacker counts the directory
 * organisations consistent with what is shown (same kind and sector when shown, a site in the band from the
 * member's own site when one is shown); none may be under k (AGGREGATE_MIN_ORGANIZATIONS, 3 by default). "Before" counts what
 * the former description (finest band, sector always) would have allowed, from the facilitator's exact view.
 */
const K = 3;

interface DirectoryOrg {
  id: string;
  kind: string;
  naceCode: string | null;
  sites: { latitude: number; longitude: number }[];
}

function bandOf(label: string): { min: number; max: number } {
  const below = /^< (\d+) km$/.exec(label);
  if (below) return { min: 0, max: Number(below[1]) };
  const above = /^> (\d+) km$/.exec(label);
  if (above) return { min: Number(above[1]), max: Infinity };
  const [min, max] = label.replace(' km', '').split('–').map(Number);
  return { min: min!, max: max! };
}

describe('anonymous counterparts against the public directory', () => {
  let server: AttackServer;
  let facilitator: Credentials;

  beforeAll(async () => {
    server = await AttackServer.start();
    // The exact view of every synergy, for the "before" count: a facilitator of every territory.
    await appointFacilitator(server, DEMO_ACCOUNTS.facilitator.email, 'every');
    facilitator = await server.logIn(DEMO_ACCOUNTS.facilitator.email);
    await server.app.synergiesSettled();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function all<T>(as: Credentials, query: string, field: string): Promise<T[]> {
    const out: T[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { errors?: unknown[]; data?: Record<string, any> } = await server.gql(query, { after }, as);
      expect(res.errors).toBeUndefined();
      const page: { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = res.data![field];
      out.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }

  it(`no member can narrow an anonymous counterpart to fewer than ${K} organisations of the directory`, async () => {
    let seen = 0;
    let singledOutBefore = 0;
    let singledOutAfter = 0;
    let minAfter = Infinity;
    let uniqueBefore = 0;
    for (const account of [DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember, DEMO_ACCOUNTS.authorityMember]) {
      const member = await server.logIn(account.email);
      const memberships: string[] = (await server.gql(`{ viewer { memberships { organization { id } } } }`, {}, member)).data!.viewer.memberships.map((m: any) => m.organization.id);
      const directory = (
        await all<DirectoryOrg>(member, `query($after: String) { organizations(first: 100, after: $after) { nodes { id kind naceCode sites { latitude longitude } } pageInfo { hasNextPage endCursor } } }`, 'organizations')
      ).filter((o) => !memberships.includes(o.id));
      const synergies = await all<any>(
        member,
        `query($after: String) { synergies(first: 100, after: $after) { nodes { id participants { isYours flow { site { latitude longitude } } anonymous { organizationKind sectorFr distanceBand } } } pageInfo { hasNextPage endCursor } } }`,
        'synergies',
      );
      for (const synergy of synergies) {
        const own = synergy.participants.find((p: any) => p.isYours && p.flow?.site)?.flow.site;
        const exactRes = await server.gql(`query($id: ID!) { synergy(id: $id) { participants { organization { id kind naceCode } flow { site { latitude longitude } } } } }`, { id: synergy.id }, facilitator);
        const exact = exactRes.data!.synergy.participants as any[];
        for (const [i, p] of (synergy.participants as any[]).entries()) {
          if (!p.anonymous || !own) continue;
          seen += 1;
          const shown = p.anonymous;
          const band = shown.distanceBand ? bandOf(shown.distanceBand) : null;
          const after = directory.filter(
            (o) =>
              (shown.organizationKind === null || o.kind === shown.organizationKind) &&
              (shown.sectorFr === null || (o.naceCode !== null && findActivitySector(o.naceCode)?.sectionLabelFr === shown.sectorFr)) &&
              (band === null || o.sites.some((s) => { const km = haversineKm(own, s); return km >= band.min && km < band.max; })),
          ).length;
          // What the former rule showed: the counterpart's own sector and the finest band of its true distance.
          const truth = exact[i];
          const trueSection = truth.organization.naceCode ? findActivitySector(truth.organization.naceCode)?.sectionCode : null;
          const fine = truth.flow?.site ? distanceBandAt(haversineKm(own, truth.flow.site), 0) : null;
          const before = directory.filter(
            (o) =>
              o.kind === truth.organization.kind &&
              (!trueSection || (o.naceCode !== null && findActivitySector(o.naceCode)?.sectionCode === trueSection)) &&
              (fine === null || o.sites.some((s) => { const km = haversineKm(own, s); return km >= fine.min && km < fine.max; })),
          ).length;
          if (before < K) singledOutBefore += 1;
          if (before === 1) uniqueBefore += 1;
          if (after < K) singledOutAfter += 1;
          minAfter = Math.min(minAfter, after);
          // The counterpart itself is always among the consistent organisations: the description is true.
          expect(after).toBeGreaterThanOrEqual(1);
        }
      }
    }
    const pct = (n: number) => `${Math.round((100 * n) / Math.max(1, seen))} %`;
    console.log(
      `${seen} anonymous counterparts seen by 3 members: narrowed to fewer than ${K} directory organisations ` +
        `before ${singledOutBefore} (${pct(singledOutBefore)}; to exactly one: ${uniqueBefore}, ${pct(uniqueBefore)}), after ${singledOutAfter} (${pct(singledOutAfter)}); fewest consistent after: ${minAfter}`,
    );
    expect(seen).toBeGreaterThan(0);
    expect(singledOutAfter).toBe(0);
  });
});
