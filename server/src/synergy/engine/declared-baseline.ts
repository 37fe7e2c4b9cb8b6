import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { CounterfactualField, EngineFlow, ImpactFactorUse, ImpactFigure } from './engine.types.js';
import { ELECTRICITY_FACTOR_ID, fmt, pct, resolveFactor, type ResolvedFactor, type SubstitutionImpactInput } from './impact-factors.js';

/**
 * Declared counterfactuals (issue 14): what a heat taker burns today, whether a heat or water source is already
 * used, and where an output goes today (`currentDestination`: burnt, landfilled, recycled — the baseline of its
 * share diverted, its disposal factor and process terms such as the heat a burnt stream gave). They are confidential
 * diagnostic data, like a declared cost, so every figure they change exists twice: built on the declaration (for the
 * declaring organisation and the facilitators) and as if nothing were declared (for everyone else) — `figuresFor`
 * keeps one of each pair for a reader.
 */

/** Heat factors that assume the taker burns gas today: what a declared supply replaces. */
export const GAS_HEAT_FACTOR_IDS = new Set(['ef-gas-boiler-heat', 'ef-natural-gas-pci']);
/** A low-carbon heating network's published CO2 content: the low end when the taker's supply is not declared. */
export const HEATING_NETWORK_FACTOR_ID = 'ef-heating-network-fr';

/** Each declared fuel: its emission factor per MWh of fuel (PCI) and the usual efficiency of its boiler. */
const FUEL: Record<string, { factorId: string; efficiency: number; label: string }> = {
  NATURAL_GAS: { factorId: 'ef-natural-gas-pci', efficiency: 0.9, label: 'natural gas' },
  FUEL_OIL: { factorId: 'ef-fuel-oil-pci', efficiency: 0.85, label: 'fuel oil' },
  WOOD: { factorId: 'ef-wood-chips-pci', efficiency: 0.8, label: 'wood chips' },
  ELECTRICITY: { factorId: ELECTRICITY_FACTOR_ID, efficiency: 1, label: 'electricity' },
};

export interface HeatBaseline {
  factor: ResolvedFactor;
  note: string;
  uses: ImpactFactorUse[];
}

/** The heat the taker's declared supply makes, per MWh delivered; null when nothing usable is declared. */
export function declaredHeatBaseline(taker: EngineFlow, kb: CompiledKnowledgeBase, like: ResolvedFactor): HeatBaseline | null {
  const supply = taker.heatSupply ?? null;
  if (supply === null) return null;
  if (supply === 'HEATING_NETWORK') {
    const g = taker.heatNetworkCo2GPerKwh;
    if (g === null || g === undefined) return null;
    const name = taker.heatNetworkName ? ` « ${taker.heatNetworkName} »` : '';
    const use: ImpactFactorUse = { id: 'declared-heating-network-co2', value: g, unit: 'kgCO2e/MWh', sourceId: null, kind: 'DECLARED' };
    return {
      factor: { factor: { ...like.factor, id: use.id, unit: 'kgCO2e/MWh' }, range: { low: g, central: g, high: g }, use },
      note: `; the taker's heat supply today is declared: heating network${name}, ${fmt(g)} g CO2e/kWh (its published content)`,
      uses: [use],
    };
  }
  const fuel = FUEL[supply];
  const base = fuel && resolveFactor(kb, fuel.factorId);
  if (!fuel || !base) return null;
  const efficiency = taker.heatSupplyEfficiency ?? fuel.efficiency;
  const per = (x: number) => x / efficiency;
  const effUse: ImpactFactorUse = {
    id: 'heat-supply-efficiency',
    value: efficiency,
    unit: supply === 'ELECTRICITY' && efficiency > 1 ? 'COP' : 'efficiency',
    sourceId: null,
    kind: taker.heatSupplyEfficiency ? 'DECLARED' : 'ASSUMPTION',
  };
  return {
    factor: { factor: { ...base.factor, unit: 'kgCO2e/MWh' }, range: { low: per(base.range.low), central: per(base.range.central), high: per(base.range.high) }, use: base.use },
    note: `; the taker's heat supply today is declared: ${fuel.label} at ${fmt(base.range.central)} kg CO2e/MWh ÷ ${taker.heatSupplyEfficiency ? 'declared' : 'usual'} efficiency ${fmt(efficiency)}`,
    uses: [base.use, effUse],
  };
}

/**
 * Nothing declared: the central and high keep the gas boiler; the low is a low-carbon heating network (its published
 * content, `ef-heating-network-fr` low), else electric heating — so the range shows how much rests on gas.
 */
export function undeclaredHeatLow(kb: CompiledKnowledgeBase): { low: number; note: string; use: ImpactFactorUse } | null {
  const network = resolveFactor(kb, HEATING_NETWORK_FACTOR_ID);
  if (network) {
    return { low: network.range.low, note: `a low-carbon heating network at ${fmt(network.range.low)} kg CO2e/MWh for the low`, use: network.use };
  }
  const electricity = resolveFactor(kb, ELECTRICITY_FACTOR_ID);
  return electricity ? { low: electricity.range.low, note: `electric heating at ${fmt(electricity.range.low)} kg CO2e/MWh for the low`, use: electricity.use } : null;
}

/** Destinations that say an energy or water output is used today (recovered, reused). */
const USED_TODAY = new Set(['REUSE', 'RECYCLING', 'ENERGY_RECOVERY']);

/** Share of a heat or water source already used today: the declared share, else 1 for a destination that says so. */
export function usedShareToday(output: EngineFlow): { share: number; declared: boolean } {
  const declared = output.usedShareToday;
  if (declared !== null && declared !== undefined) return { share: Math.min(1, Math.max(0, declared)), declared: true };
  return { share: USED_TODAY.has(output.currentDestination ?? '') ? 1 : 0, declared: false };
}

export function usedShareNote(used: { share: number; declared: boolean }): string {
  return used.share > 0 && used.share < 1 ? ` × (1 − ${pct(used.share)} of the source used today, declared): only the part not used today` : '';
}

/** Organisations whose confidential counterfactuals this substitution's figures may rest on. */
function declaringOrganizations(input: SubstitutionImpactInput): string[] {
  const ids: string[] = [];
  const energyOrWater = input.pathway.impact.indicator === 'ENERGY' || input.pathway.impact.indicator === 'WATER';
  const usedShare = energyOrWater && input.output.usedShareToday !== null && input.output.usedShareToday !== undefined;
  // Where the output goes today: the baseline of its figures (share diverted, disposal factor, process terms).
  const destination = input.output.currentDestination !== null && input.output.currentDestination !== undefined;
  if (usedShare || destination) ids.push(input.output.organizationId);
  if (input.pathway.impact.indicator === 'ENERGY' && input.input.heatSupply) ids.push(input.input.organizationId);
  // Distinct and sorted, at most two (a Set, a spread and a sort per substitution otherwise).
  if (ids.length === 2 && ids[0] === ids[1]) ids.pop();
  else if (ids.length === 2 && ids[1] < ids[0]) ids.reverse();
  return ids;
}

/**
 * Flows as if no counterfactual were declared, each made once for a detector (EngineContext.plainFlows): a flow is in
 * every pair and pool it is part of, and was copied for each (55k calls per detection of the synergy benchmark's 100k
 * flows, 28k distinct flows).
 */
export type PlainFlows = WeakMap<EngineFlow, EngineFlow>;

/**
 * The flow as if its organisation had declared no counterfactual (exported for pools: mutualisation-impacts.ts);
 * the flow itself when it declares none. The fields tested are COUNTERFACTUAL_FIELDS (engine.types.ts), written out:
 * declared-baseline.test.ts sets each alone and checks that it is cleared.
 */
export function withoutDeclarations(flow: EngineFlow, plainFlows?: PlainFlows): EngineFlow {
  if (
    flow.currentDestination == null &&
    flow.heatSupply == null &&
    flow.heatSupplyEfficiency == null &&
    flow.heatNetworkName == null &&
    flow.heatNetworkCo2GPerKwh == null &&
    flow.usedShareToday == null
  ) {
    return flow;
  }
  let plain = plainFlows?.get(flow);
  if (plain) return plain;
  plain = plainCopy(flow);
  plainFlows?.set(flow, plain);
  return plain;
}

/**
 * Every key of EngineFlow, the optional ones too: a literal of this type names each field (a field added later must
 * be), and each counterfactual (COUNTERFACTUAL_FIELDS) as null.
 */
type PlainFields = { [K in keyof Required<EngineFlow>]: K extends CounterfactualField ? null : EngineFlow[K] };

/**
 * The copy written field by field, in one shape. Made as `{ ...flow, … }`, the copies cost ~6 µs each (176 ms of a
 * detection's CPU profile at 100k flows) and the detection as a whole took ~50 % longer than with this literal,
 * same synergies: the spread's objects also slowed the figures read from them.
 */
function plainCopy(flow: EngineFlow): EngineFlow {
  const plain: PlainFields = {
    id: flow.id,
    organizationId: flow.organizationId,
    siteId: flow.siteId,
    territoryId: flow.territoryId,
    direction: flow.direction,
    category: flow.category,
    label: flow.label,
    description: flow.description,
    ewcCode: flow.ewcCode,
    hazardous: flow.hazardous,
    needCode: flow.needCode,
    yearlyQuantity: flow.yearlyQuantity,
    visibility: flow.visibility,
    unit: flow.unit,
    physicalForm: flow.physicalForm,
    temperatureC: flow.temperatureC,
    availableMonths: flow.availableMonths,
    currentDestination: null,
    yearlyCostEur: flow.yearlyCostEur,
    heatSupply: null,
    heatSupplyEfficiency: null,
    heatNetworkName: null,
    heatNetworkCo2GPerKwh: null,
    usedShareToday: null,
    latitude: flow.latitude,
    longitude: flow.longitude,
    organizationKind: flow.organizationKind,
    insertion: flow.insertion,
    naceCode: flow.naceCode,
  };
  return plain;
}

/**
 * Runs `compute` on the declarations and, when a party declared a counterfactual, again without them; a figure that
 * differs, or exists in one run only, is marked for its audience. A reader gets one complete list either way.
 */
export function withDeclaredVariants(
  input: SubstitutionImpactInput,
  compute: (input: SubstitutionImpactInput) => ImpactFigure[],
  plainFlows?: PlainFlows,
): ImpactFigure[] {
  const declared = compute(input);
  const by = declaringOrganizations(input);
  if (by.length === 0) return declared;
  const output = withoutDeclarations(input.output, plainFlows);
  const taker = withoutDeclarations(input.input, plainFlows);
  const plain = compute({ ...input, output, input: taker });
  if (by.length === 1) return markedVariants(declared, plain, by);
  // Both parties declared (a heat source where it goes today, its taker how it heats today): each party reads the
  // figures on its own declarations alone — it knows them, and not the other's.
  const outputOnly = compute({ ...input, input: taker });
  const inputOnly = compute({ ...input, output });
  const runs = [plain, outputOnly, inputOnly];
  if (runs.every((r) => r.length === declared.length && r.every((f, k) => sameFigure(declared[k], f)))) return declared;
  const kept = (figures: ImpactFigure[], organizationId: string) => figures.map((f) => markedFor(f, 'PARTLY', by, organizationId));
  return [
    ...declared.map((f) => markedFor(f, 'DECLARED', by)),
    ...plain.map((f) => markedFor(f, 'UNDECLARED', by)),
    ...kept(outputOnly, input.output.organizationId),
    ...kept(inputOnly, input.input.organizationId),
  ];
}

/**
 * The figures of both runs marked for their audience (`by`: the declaring organisations, distinct and sorted). Where
 * the runs give the same figures in the same order (by indicator and organisation), only the figures that differ are
 * marked, each run's right after the other's, so that every reader reads them in the run's order and a figure the
 * declaration leaves alone is stored once; otherwise the whole of each run is marked. The declared figures alone,
 * unmarked, when the runs agree on every figure.
 */
export function markedVariants(declared: ImpactFigure[], plain: ImpactFigure[], by: string[]): ImpactFigure[] {
  if (!aligned(declared, plain)) {
    return [
      ...declared.map((f) => markedFor(f, 'DECLARED', by)),
      ...plain.map((f) => markedFor(f, 'UNDECLARED', by)),
    ];
  }
  let out: ImpactFigure[] | null = null;
  for (let k = 0; k < declared.length; k++) {
    if (sameFigure(declared[k], plain[k])) {
      out?.push(declared[k]);
      continue;
    }
    out ??= declared.slice(0, k);
    out.push(markedFor(declared[k], 'DECLARED', by), markedFor(plain[k], 'UNDECLARED', by));
  }
  return out ?? declared;
}

function aligned(declared: ImpactFigure[], plain: ImpactFigure[]): boolean {
  if (declared.length !== plain.length) return false;
  for (let k = 0; k < declared.length; k++) if (declared[k].indicator !== plain[k].indicator || declared[k].organizationId !== plain[k].organizationId) return false;
  return true;
}

/**
 * A pool's two runs (on its members' declared destinations, and as if none were declared), marked like a pair's. A
 * member's euros rest on its own destination alone (mutualisation-impacts.ts, costSavings): marked for that member
 * only, so that it keeps reading its own; every other figure rests on all of them, marked for every declaring member.
 * The declared run's order is kept (what the facilitators read).
 */
export function poolDeclaredVariants(declared: ImpactFigure[], plain: ImpactFigure[], members: readonly { flow: EngineFlow }[]): ImpactFigure[] {
  // Sets and maps by organisation, not `includes`/`find`/`some` per member: a pool has up to hundreds of members and
  // a figure of euros for each, so those scans were quadratic in its size.
  const declaring = new Set<string>();
  for (const m of members) if (m.flow.currentDestination != null) declaring.add(m.flow.organizationId);
  const by = [...declaring].sort();
  const own = (f: ImpactFigure) => f.indicator === 'EUROS_SAVED' && f.organizationId !== null;
  const sharedPlain = plain.filter((f) => !own(f));
  const sharedDeclared = declared.filter((f) => !own(f));
  const sharedAligned = aligned(sharedDeclared, sharedPlain);
  /** Each organisation's first euros figure of the plain run; the organisations the declared run credits euros. */
  const plainOwn = new Map<string, ImpactFigure>();
  for (const x of plain) if (own(x) && !plainOwn.has(x.organizationId!)) plainOwn.set(x.organizationId!, x);
  const declaredOwn = new Set<string>();
  for (const f of declared) if (own(f)) declaredOwn.add(f.organizationId!);
  const out: ImpactFigure[] = [];
  // What has no place beside a declared figure: the other run's shared figures when the runs do not align, and the
  // euros of a member the declared run credits none.
  const after: ImpactFigure[] = sharedAligned ? [] : sharedPlain.map((f) => markedFor(f, 'UNDECLARED', by));
  let j = 0;
  for (const f of declared) {
    if (!own(f)) {
      const p = sharedAligned ? sharedPlain[j++] : null;
      if (p && sameFigure(f, p)) out.push(f);
      else out.push(markedFor(f, 'DECLARED', by), ...(p ? [markedFor(p, 'UNDECLARED', by)] : []));
      continue;
    }
    const p = plainOwn.get(f.organizationId!);
    if (p && sameFigure(f, p)) out.push(f);
    else out.push(markedFor(f, 'DECLARED', [f.organizationId!]), ...(p ? [markedFor(p, 'UNDECLARED', [p.organizationId!])] : []));
  }
  for (const p of plain) if (own(p) && !declaredOwn.has(p.organizationId!)) after.push(markedFor(p, 'UNDECLARED', [p.organizationId!]));
  const marked = after.length > 0 || out.some((f) => f.audience !== undefined);
  return marked ? [...out, ...after] : declared;
}

/**
 * A figure marked for its audience: a literal of ImpactFigure's fields in their order (that of the figures the
 * builders make), not `{ ...figure, audience, declaredBy }`: the spread's copies were the detection's largest
 * allocation (~74 of ~470 MB per detection of the synergy benchmark's 100k flows, sampling heap profile). The literal
 * must name every field but `keptFor` (`satisfies`): a field added to ImpactFigure and not copied here fails to
 * compile instead of vanishing from marked figures.
 */
function markedFor(f: ImpactFigure, audience: NonNullable<ImpactFigure['audience']>, declaredBy: string[], keptFor?: string): ImpactFigure {
  const figure: ImpactFigure = {
    indicator: f.indicator,
    low: f.low,
    central: f.central,
    high: f.high,
    unit: f.unit,
    formula: f.formula,
    factors: f.factors,
    basis: f.basis,
    organizationId: f.organizationId,
    audience,
    declaredBy,
  } satisfies Record<Exclude<keyof ImpactFigure, 'keptFor'>, unknown>;
  if (keptFor !== undefined) figure.keptFor = keptFor;
  return figure;
}

function sameFigure(a: ImpactFigure, b: ImpactFigure): boolean {
  if (a.indicator !== b.indicator || a.organizationId !== b.organizationId || a.low !== b.low || a.central !== b.central || a.high !== b.high) return false;
  if (a.formula !== b.formula || a.basis !== b.basis || a.factors.length !== b.factors.length) return false;
  for (let k = 0; k < a.factors.length; k++) {
    const x = a.factors[k];
    const y = b.factors[k];
    if (x !== y && (x.id !== y.id || x.value !== y.value || x.kind !== y.kind || x.unit !== y.unit || x.sourceId !== y.sourceId)) return false;
  }
  return true;
}

/**
 * The figures one reader gets: unmarked ones, and of each marked figure the variant `seesDeclared` allows — the
 * declared one for the territory's facilitators and for those who may read every declaration it rests on; where
 * both parties of a pair declared (PARTLY variants exist), a party's members read the variant on their own
 * declarations alone; anyone else the undeclared one.
 */
export function figuresFor(impacts: ImpactFigure[], seesDeclared: (organizationIds: string[]) => boolean): ImpactFigure[] {
  let partly: boolean | undefined;
  return impacts.filter((f) => {
    if (f.audience === undefined) return true;
    const by = f.declaredBy ?? [];
    if (seesDeclared(by)) return f.audience === 'DECLARED';
    partly ??= impacts.some((x) => x.audience === 'PARTLY');
    const own = partly ? by.find((o) => seesDeclared([o])) : undefined;
    return own === undefined ? f.audience === 'UNDECLARED' : f.audience === 'PARTLY' && f.keptFor === own;
  });
}
