import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../errors/domain-errors.js';
import { checkFlowFields } from '../../flow/flow.validation.js';
import { detectSynergies } from '../engine/detector.js';
import type { EngineFlow } from '../engine/engine.types.js';
import { MORE_EXCHANGE_FAMILIES, NEAR_MISSES } from './exchange-families-2.fixture.js';
import { EXCHANGE_FAMILIES, type ExchangeFamily, type ProbeSide } from './exchange-families.fixture.js';
import { loadKnowledgeBase } from './knowledge-base.js';

/**
 * The coverage audit's probes (exchange-families.fixture.ts): every common family of exchanges is proposed between
 * the wordings a supplier and a receiver would use, French and English, with and without a waste code, at a
 * sensible distance, and not beyond its reach. Flows go through the import's own validation, as the corpus does.
 */
const KB = loadKnowledgeBase();
const NEEDS = new Set(KB.needs.map((n) => n.code));
const KM_PER_DEGREE = 111.32;
const ORIGIN = { latitude: 50, longitude: 4 };

function engineFlow(id: string, org: string, direction: 'OUTPUT' | 'INPUT', side: ProbeSide, km: number): EngineFlow {
  const problems = new ProblemList();
  const clean = checkFlowFields(
    problems,
    {
      direction,
      category: side.cat,
      label: side.label,
      ewcCode: side.ewc ?? null,
      unit: side.unit ?? 't',
      period: 'YEAR',
      physicalForm: side.form ?? null,
      temperatureC: side.tempC ?? null,
      visibility: 'PUBLIC',
    },
    NEEDS,
  );
  problems.throwIfAny(`probe ${id} is invalid.`);
  const longitude = ORIGIN.longitude + km / (KM_PER_DEGREE * Math.cos((ORIGIN.latitude * Math.PI) / 180));
  return { ...clean, id, organizationId: org, siteId: org, territoryId: 'probe', latitude: ORIGIN.latitude, longitude, organizationKind: 'COMPANY', insertion: false, naceCode: null };
}

/** A coded waste, and the same stream declared without its code (a co-product sold as a material). */
function supplierWordings(side: ProbeSide): ProbeSide[] {
  if (!side.ewc || side.codeOnly) return [side];
  return [side, { ...side, ewc: undefined, cat: side.cat === 'WASTE' ? 'MATERIAL' : side.cat }];
}

function proposed(output: ProbeSide, input: ProbeSide, km: number): boolean {
  const flows = [engineFlow('out', 'supplier', 'OUTPUT', output, km), engineFlow('in', 'receiver', 'INPUT', input, 0)];
  return detectSynergies(flows, KB).some((s) => s.kind === 'SUBSTITUTION' && s.flowIds[0] === 'out' && s.flowIds[1] === 'in');
}

function misses(family: ExchangeFamily, km: number, expected: boolean): string[] {
  const wrong: string[] = [];
  for (const output of family.outputs.flatMap(supplierWordings)) {
    for (const input of family.inputs) {
      if (proposed(output, input, km) !== expected) wrong.push(`${output.label}${output.ewc ? ` [${output.ewc}]` : ''} → ${input.label}`);
    }
  }
  return wrong;
}

const FAMILIES = [...EXCHANGE_FAMILIES, ...MORE_EXCHANGE_FAMILIES];

describe('common exchange families are proposed between everyday wordings (coverage audit)', () => {
  it('cites, for every family, sources the knowledge base holds', () => {
    const known = new Set(KB.sources.map((s) => s.id));
    expect(FAMILIES.flatMap((f) => f.sources.filter((id) => !known.has(id)).map((id) => `${f.id}: ${id}`))).toEqual([]);
    expect(FAMILIES.every((f) => f.sources.length > 0)).toBe(true);
  });

  for (const family of FAMILIES) {
    it(`${family.id}: every supplier wording reaches every receiver wording at ${family.km} km`, () => {
      expect(misses(family, family.km, true)).toEqual([]);
    });
    if (family.farKm !== undefined) {
      it(`${family.id}: nothing is proposed at ${family.farKm} km`, () => {
        expect(misses(family, family.farKm!, false)).toEqual([]);
      });
    }
  }
});

describe('in one territory holding every family, receivers still find their own', () => {
  it('puts a supplier of its family in the top 5 of at least 85 % of the receivers', () => {
    // The first supplier and receiver of each family, the supplier at its family's distance: a dense park where every
    // receiver is also offered the other families' streams. Measured on the first 53 families: 42 with 1.15.0, 46 with
    // 1.16.0, 46 with 1.16.2 and lists ranked on the waste hierarchy (hierarchyStep, pair-score.ts); 47 of 54 with
    // 1.16.4's sewage heat pump family, 48 once the bakery feed route no longer claims every 02 03 04 residue (the
    // fruit and vegetable residues reach the digester), 49 of 55 with the SRF family, 50 of 56 with 1.16.5's
    // phosphogypsum family (its six misses are all receivers offered no supplier of theirs at all: see below). With
    // 1.16.2: the pallets' reuse is now kept; the fruit and vegetable residues go to the three feed needs (feed ranks above digestion), so
    // the digester misses them. Of the seven others, two are offered other suppliers that fit as well (pallets and
    // green waste to a biomass boiler, brewer's yeast to liquid pig feed); the rest lose because a source of unknown
    // quantity keeps only its best three counterparts (heat sources go to the first heat needs, molasses to
    // other needs). 51 of 55 once such a flow also keeps the counterparts that trail its third by less than
    // counterpartTieMargin (engine.options.ts).
    const familyOf = new Map<string, number>();
    const flows = FAMILIES.flatMap((family, f) => {
      familyOf.set(`out${f}`, f);
      return [engineFlow(`out${f}`, `supplier${f}`, 'OUTPUT', family.outputs[0], family.km), engineFlow(`in${f}`, `receiver${f}`, 'INPUT', family.inputs[0], 0)];
    });
    const byInput = new Map<string, { output: string; score: number }[]>();
    for (const s of detectSynergies(flows, KB)) {
      if (s.kind !== 'SUBSTITUTION') continue;
      const list = byInput.get(s.flowIds[1]!) ?? [];
      list.push({ output: s.flowIds[0]!, score: s.score });
      byInput.set(s.flowIds[1]!, list);
    }
    const found = FAMILIES.filter((_, f) =>
      (byInput.get(`in${f}`) ?? [])
        .sort((a, b) => b.score - a.score)
        .slice(0, 5)
        .some((p) => familyOf.get(p.output) === f),
    ).length;
    expect(found / FAMILIES.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe('receivers who buy something else are offered nothing', () => {
  for (const miss of NEAR_MISSES) {
    it(`${miss.why}: ${miss.output.label} → ${miss.input.label}`, () => {
      expect(proposed(miss.output, miss.input, miss.km)).toBe(false);
    });
  }
});
