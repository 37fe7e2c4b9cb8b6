import type { CompiledKnowledgeBase } from '../engine/compiled-knowledge-base.js';
import { figuresFor } from '../engine/declared-baseline.js';
import type { EngineFlow, ImpactFigure } from '../engine/engine.types.js';
import { substitutionImpacts } from '../engine/impacts.js';
import { mutualisationImpacts } from '../engine/mutualisation-impacts.js';
import { neutralFlow, type FlowFields } from '../engine/neutral-flow.js';

/**
 * The worked examples of docs/impact-method.md § 10, one per route family, computed by the engine on the real
 * knowledge base: the doc prints what this module renders (`npm run impact:examples -w server` writes it, and
 * worked-examples.test.ts fails when the doc and the engine disagree), so the method cannot drift from the code.
 */

export interface WorkedExample {
  family: string;
  title: string;
  /** The situation in words: what is declared, and the pathway. */
  given: string;
  figures: ImpactFigure[];
}

type Flow = FlowFields;

function flow(fields: Flow): EngineFlow {
  return neutralFlow(fields, { territoryId: 'example', latitude: 49.35, longitude: 6.1 });
}

interface Pair {
  pathwayId: string;
  output: Omit<Flow, 'id' | 'organizationId' | 'direction'> & { organizationId: string };
  input: Omit<Flow, 'id' | 'organizationId' | 'direction'> & { organizationId: string };
  /** Road distance × 1.3 is the engine's; here the t·km are given (straight-line km × 1.3 × t). */
  tonneKm?: number;
}

function pairFigures(kb: CompiledKnowledgeBase, p: Pair): ImpactFigure[] {
  const pathway = kb.kb.pathways.find((x) => x.id === p.pathwayId);
  if (!pathway) throw new Error(`worked example: no pathway ${p.pathwayId}`);
  const output = flow({ id: 'output', direction: 'OUTPUT', unit: pathway.unit, ...p.output });
  const input = flow({ id: 'input', direction: 'INPUT', unit: pathway.unit, ...p.input });
  const q = Math.min(output.yearlyQuantity!, input.yearlyQuantity!);
  const impacts = substitutionImpacts(
    {
      pathway,
      output,
      input,
      matchedQuantity: q,
      coverage: { output: q / output.yearlyQuantity!, input: q / input.yearlyQuantity! },
      transport: p.tonneKm === undefined ? null : { tonneKm: p.tonneKm, trips: Math.ceil(q / 25) },
    },
    kb,
  );
  // A facilitator's view: the figures built on what the organisations declared.
  return figuresFor(impacts, () => true);
}

function poolFigures(kb: CompiledKnowledgeBase, pathwayId: string, direction: 'OUTPUT' | 'INPUT', members: Omit<Flow, 'direction'>[]): ImpactFigure[] {
  const pathway = kb.kb.pathways.find((x) => x.id === pathwayId);
  if (!pathway) throw new Error(`worked example: no pathway ${pathwayId}`);
  const flows = members.map((m) => flow({ unit: pathway.unit, ...m, direction }));
  const pooled = flows.reduce((n, f) => n + (f.yearlyQuantity ?? 0), 0);
  // A facilitator's view, as for a pair: the figures built on the members' declared destinations.
  return figuresFor(mutualisationImpacts({ pathway, direction, members: flows.map((f) => ({ flow: f, quantity: f.yearlyQuantity })), pooledQuantity: pooled }, kb), () => true);
}

export function workedExamples(kb: CompiledKnowledgeBase): WorkedExample[] {
  return [
    {
      family: 'Material substitution (recycling)',
      title: '100 t of polyethylene film landfilled today, recycled by a plastics converter 20 km away',
      given:
        'pe-film-recycling; the producer declares 15,000 EUR/yr of disposal (LANDFILL), the converter 90,000 EUR/yr of virgin PE; 100 t × 20 km × 1.3 = 2,600 t·km by road.',
      figures: pairFigures(kb, {
        pathwayId: 'pe-film-recycling',
        output: { organizationId: 'producer', yearlyQuantity: 100, currentDestination: 'LANDFILL', yearlyCostEur: 15_000 },
        input: { organizationId: 'converter', yearlyQuantity: 100, yearlyCostEur: 90_000 },
        tonneKm: 2_600,
      }),
    },
    {
      family: 'Reuse',
      title: '2,000 pallets landfilled today, repaired and reused by a neighbour',
      given: 'pallets-repair-reuse; the neighbour declares 24,000 EUR/yr of new pallets; no transport estimate for items counted in units.',
      figures: pairFigures(kb, {
        pathwayId: 'pallets-repair-reuse',
        output: { organizationId: 'producer', yearlyQuantity: 2_000, currentDestination: 'LANDFILL' },
        input: { organizationId: 'reuser', yearlyQuantity: 2_000, yearlyCostEur: 24_000 },
      }),
    },
    {
      family: 'Heat, direct exchange',
      title: 'A 3,000 MWh source at 90 °C and a greenhouse needing 3,500 MWh at 60 °C from October to April',
      given: 'heat-greenhouse; the greenhouse declares 280,000 EUR/yr of heat and no supply today (gas boiler assumed, a low-carbon network for the low).',
      figures: pairFigures(kb, {
        pathwayId: 'heat-greenhouse',
        output: { organizationId: 'source', category: 'ENERGY', yearlyQuantity: 3_000, temperatureC: 90 },
        input: { organizationId: 'greenhouse', category: 'ENERGY', yearlyQuantity: 3_500, temperatureC: 60, availableMonths: [1, 2, 3, 4, 10, 11, 12], yearlyCostEur: 280_000 },
      }),
    },
    {
      family: 'Heat through a heat pump',
      title: 'A 3,000 MWh source at 60 °C lifted to a need of 1,800 MWh at 80 °C',
      given: 'heat-low-temperature-heat-pump; the taker declares 130,000 EUR/yr of heat from natural gas at 90 % efficiency.',
      figures: pairFigures(kb, {
        pathwayId: 'heat-low-temperature-heat-pump',
        output: { organizationId: 'source', category: 'ENERGY', yearlyQuantity: 3_000, temperatureC: 60 },
        input: { organizationId: 'taker', category: 'ENERGY', yearlyQuantity: 1_800, temperatureC: 80, yearlyCostEur: 130_000, heatSupply: 'NATURAL_GAS', heatSupplyEfficiency: 0.9 },
      }),
    },
    {
      family: 'Water',
      title: '20,000 m³ of rinse water, half of it already used today, reused in a neighbour’s process',
      given: 'rinse-water-reuse-process; the source declares 50 % used today; the taker declares 70,000 EUR/yr of mains water for 20,000 m³.',
      figures: pairFigures(kb, {
        pathwayId: 'rinse-water-reuse-process',
        output: { organizationId: 'source', category: 'WATER', yearlyQuantity: 20_000, usedShareToday: 0.5 },
        input: { organizationId: 'taker', category: 'WATER', yearlyQuantity: 20_000, yearlyCostEur: 70_000 },
      }),
    },
    {
      family: 'Energy recovery',
      title: '500 t of wood packaging landfilled today, burnt in a neighbour’s biomass boiler 10 km away',
      given: 'wood-packaging-biomass-fuel; no costs declared (typical ones, ±30 %); 500 t × 10 km × 1.3 = 6,500 t·km.',
      figures: pairFigures(kb, {
        pathwayId: 'wood-packaging-biomass-fuel',
        output: { organizationId: 'producer', yearlyQuantity: 500, currentDestination: 'LANDFILL' },
        input: { organizationId: 'boiler', yearlyQuantity: 500 },
        tonneKm: 6_500,
      }),
    },
    {
      family: 'Pooled collection',
      title: 'Three shops pool their cardboard: 30 t landfilled, 20 t recycled, 15 t incinerated',
      given: 'pool-cardboard-collection; the first shop declares 4,500 EUR/yr of collection, the others nothing; the third is an insertion enterprise.',
      figures: poolFigures(kb, 'pool-cardboard-collection', 'OUTPUT', [
        { id: 'a', organizationId: 'shop-a', yearlyQuantity: 30, currentDestination: 'LANDFILL', yearlyCostEur: 4_500 },
        { id: 'b', organizationId: 'shop-b', yearlyQuantity: 20, currentDestination: 'RECYCLING' },
        { id: 'c', organizationId: 'shop-c', yearlyQuantity: 15, currentDestination: 'INCINERATION', insertion: true },
      ]),
    },
    {
      family: 'Pooled service',
      title: 'Two firms buy 600 hours of safety training together',
      given: 'pool-safety-training; each declares its training budget (12,000 and 8,000 EUR/yr).',
      figures: poolFigures(kb, 'pool-safety-training', 'INPUT', [
        { id: 'a', organizationId: 'firm-a', category: 'SERVICE', yearlyQuantity: 400, yearlyCostEur: 12_000 },
        { id: 'b', organizationId: 'firm-b', category: 'SERVICE', yearlyQuantity: 200, yearlyCostEur: 8_000 },
      ]),
    },
  ];
}

const ORDER = ['TONNES_DIVERTED', 'MWH_RECOVERED', 'WATER_M3_SAVED', 'CO2E_AVOIDED_T', 'EUROS_SAVED', 'JOBS', 'INSERTION_JOBS'];
const number = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 3 });

/** The examples as markdown, each a table of its figures with their formulas; what docs/impact-method.md § 10 shows. */
export function renderWorkedExamples(examples: WorkedExample[]): string {
  const out: string[] = [];
  for (const e of examples) {
    out.push(`### ${e.family} — ${e.title}`, '', e.given, '', '| indicator | who | central (low–high) | formula |', '| --- | --- | --- | --- |');
    const sorted = [...e.figures].sort((a, b) => ORDER.indexOf(a.indicator) - ORDER.indexOf(b.indicator) || (a.organizationId ?? '').localeCompare(b.organizationId ?? ''));
    for (const f of sorted) {
      const formula = f.formula.replace(/\|/g, '\\|');
      out.push(`| ${f.indicator} | ${f.organizationId ?? 'territory'} | ${number(f.central)} ${f.unit} (${number(f.low)}–${number(f.high)}) | ${formula} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const EXAMPLES_START = '<!-- worked-examples:start (generated by npm run impact:examples -w server; do not edit) -->';
export const EXAMPLES_END = '<!-- worked-examples:end -->';

/** `doc` with its generated section replaced by `section`; throws when the markers are missing. */
export function withExamples(doc: string, section: string): string {
  const start = doc.indexOf(EXAMPLES_START);
  const end = doc.indexOf(EXAMPLES_END);
  if (start < 0 || end < start) throw new Error('docs/impact-method.md: worked-examples markers missing');
  return `${doc.slice(0, start + EXAMPLES_START.length)}\n\n${section}\n${doc.slice(end)}`;
}
