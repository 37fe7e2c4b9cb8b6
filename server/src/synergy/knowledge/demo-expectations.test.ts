import { describe, expect, it } from 'vitest';
import { detectSynergies } from '../engine/detector.js';
import { loadDemoTerritory } from '../report/demo-territory-flows.js';
import { loadKnowledgeBase } from './knowledge-base.js';
import expectations from './demo-expectations.json' with { type: 'json' };

/**
 * The demo territory's detection pinned to a reviewed set (demo-expectations.json): pairs and pools that must appear,
 * pairs and members that must not, each with its reason. Run through the engine itself, with its default options,
 * on the demo file as an import stores it — the same synergies `npm run synergy:report` shows.
 */
const kb = loadKnowledgeBase();
const { flows } = loadDemoTerritory(kb);
const synergies = detectSynergies(flows, kb);
const substitutions = synergies.filter((synergy) => synergy.kind === 'SUBSTITUTION');
const pools = synergies.filter((synergy) => synergy.kind === 'MUTUALISATION');
const refs = new Set(flows.map((flow) => flow.id));

interface Pair {
  output: string;
  input: string;
}
const pairedBy = (found: typeof synergies, { output, input }: Pair) =>
  found.filter((synergy) => synergy.flowIds.includes(output) && synergy.flowIds.includes(input)).map((s) => s.pathwayId);
const named = ({ output, input }: Pair) => `${output} → ${input}`;

describe('detection on the demo territory, pinned to the reviewed expectations', () => {
  it('names only active flows of the demo territory', () => {
    const { substitutions: pairs, pools: groups } = expectations;
    const named = [
      ...[...pairs.mustAppear, ...pairs.mustNotAppear, ...pairs.candidatesOnly].flatMap((pair) => [pair.output, pair.input]),
      ...groups.mustAppear.flatMap((pool) => pool.members),
      ...[...groups.notMembers, ...groups.notTogether].flatMap((rule) => rule.flows),
    ];
    expect(named.filter((ref) => !refs.has(ref))).toEqual([]);
  });

  it('finds every substitution that must appear', () => {
    const missing = expectations.substitutions.mustAppear.filter((pair) => pairedBy(substitutions, pair).length === 0);
    expect(missing.map(named)).toEqual([]);
  });

  it('finds none of the substitutions a review rejected', () => {
    const found = expectations.substitutions.mustNotAppear.filter((pair) => pairedBy(substitutions, pair).length > 0);
    expect(found.map(named)).toEqual([]);
  });

  it('still matches the expected pairs it does not show, under the named pathway', () => {
    // With every counterpart kept, these pairs appear: the knowledge base matches them, the ranking leaves them out.
    const everyCounterpart = detectSynergies(flows, kb, { maxCounterpartsPerFlow: 1000, counterpartRule: 'EITHER' });
    for (const pair of expectations.substitutions.candidatesOnly) {
      expect(pairedBy(everyCounterpart, pair), named(pair)).toContain(pair.pathway);
      expect(pairedBy(substitutions, pair), named(pair)).toEqual([]);
    }
  });

  it('groups every pool that must appear, member for member', () => {
    for (const { pathway, members } of expectations.pools.mustAppear) {
      const groups = pools.filter((pool) => pool.pathwayId === pathway).map((pool) => [...pool.flowIds].sort());
      expect(groups, pathway).toContainEqual([...members].sort());
    }
  });

  it('keeps out of a pool the members a review rejected, and apart the flows it would not group', () => {
    for (const { pathway, flows: excluded } of expectations.pools.notMembers) {
      const members = pools.filter((pool) => pool.pathwayId === pathway).flatMap((pool) => pool.flowIds);
      expect(members.filter((ref) => excluded.includes(ref)), pathway).toEqual([]);
    }
    for (const { pathway, flows: apart } of expectations.pools.notTogether) {
      for (const pool of pools.filter((candidate) => candidate.pathwayId === pathway)) {
        expect(pool.flowIds.filter((ref) => apart.includes(ref)).length, pathway).toBeLessThanOrEqual(1);
      }
    }
  });
});
