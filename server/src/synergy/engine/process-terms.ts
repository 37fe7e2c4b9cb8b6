import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import { quantityForFactor, resolveFactor, scaleRange, TAKE_UP, type Range } from './impact-factors.js';
import { factorQuantityUnit, type Co2Term } from './impact-figures.js';

/**
 * Emissions a synergy causes that the avoided-production factor leaves out (issue 14, item 5): the energy of
 * processing (distillation, crushing), the heat a stream gave when it was burnt and no longer gives once reused or
 * recycled, and the extra fuel of a loaded return trip. Each is a factor of the knowledge base with its source,
 * subtracted in the CO2e formula on the quantity that changes route.
 */
interface ProcessTerm {
  factorId: string;
  label: string;
  /** Only when the output is burnt for energy today (its heat must now come from another fuel). */
  onlyIfBurntToday?: boolean;
  /**
   * The alternative fuel's own fossil CO2, burnt in the kiln: it follows the declared destination (OWN_CO2_SHARE).
   */
  ownFossilCo2?: boolean;
}

/**
 * A kiln-fuel credit is the fossil fuel avoided, gross (`ef-kiln-fuel-substitution`); the waste burnt in its place
 * emits its own fossil CO2. Where the waste would have been incinerated (or is burnt for energy today) that CO2 is
 * emitted anyway and nothing is deducted; where it would have been landfilled it is new, and deducted in full. An
 * undeclared (or OTHER, SEWER) destination widens the range: the low deducts it, the central and high do not —
 * as the avoided-disposal factor follows the declared destination (impact-factors.ts, DISPOSAL_FACTOR_BY_DESTINATION).
 */
const OWN_CO2_SHARE: Record<string, Range | null> = {
  LANDFILL: { low: 1, central: 1, high: 1 },
  INCINERATION: null,
  ENERGY_RECOVERY: null,
};
const OWN_CO2_UNDECLARED: Range = { low: 1, central: 0, high: 0 };

function ownCo2Share(destination: string | null): Range | null {
  if (destination !== null && destination in OWN_CO2_SHARE) return OWN_CO2_SHARE[destination]!;
  return OWN_CO2_UNDECLARED;
}

const HEAT_LOST_WOOD: ProcessTerm = { factorId: 'ef-wood-heat-lost', label: 'heat the wood gave when burnt, now made by another fuel', onlyIfBurntToday: true };
const CRUSHING: ProcessTerm = { factorId: 'ef-crushing-energy', label: 'crushing and screening' };
const DISTILLATION: ProcessTerm = { factorId: 'ef-solvent-distillation-energy', label: 'distillation energy' };
/** IPCC 2006 vol. 5 ch. 5, « fossil liquid waste »: the fossil CO2 of burnt solvents, paints and liquid hazardous waste. */
const OWN_CO2_LIQUID: ProcessTerm = { factorId: 'ef-incineration-hazardous-organic', label: "the alternative fuel's own fossil CO2", ownFossilCo2: true };

/** By pathway id (method code, so that adding pathways to the knowledge base does not move these lines). */
export const PROCESS_TERMS: Record<string, ProcessTerm[]> = {
  'pallets-repair-reuse': [{ factorId: 'ef-pallet-heat-lost', label: 'heat the pallets gave when burnt, now made by another fuel', onlyIfBurntToday: true }],
  'solid-wood-offcuts-reuse': [HEAT_LOST_WOOD],
  'deconstruction-timber-reuse': [HEAT_LOST_WOOD],
  'wood-waste-particleboard': [HEAT_LOST_WOOD],
  'solvent-distillation': [DISTILLATION],
  'concrete-recycled-aggregates': [CRUSHING],
  'mixed-rubble-subbase': [CRUSHING],
  'solvent-paint-kiln-fuel': [OWN_CO2_LIQUID],
  'hazardous-waste-kiln-fuel': [OWN_CO2_LIQUID],
  'sorting-residues-srf': [{ factorId: 'ef-srf-fossil-co2', label: "the solid recovered fuel's own fossil CO2", ownFossilCo2: true }],
  'empty-return-backhaul': [{ factorId: 'ef-backhaul-load-extra-fuel', label: 'extra fuel of carrying the load on the return' }],
};

const FULL: Range = { low: 1, central: 1, high: 1 };

/** The process terms of `pathway` on `quantity` (in its unit) × `share` (the part that changes route), to subtract. */
export function processTerms(pathway: Pathway, quantity: number, share: Range, destination: string | null, kb: CompiledKnowledgeBase): Co2Term[] {
  const terms: Co2Term[] = [];
  for (const t of PROCESS_TERMS[pathway.id] ?? []) {
    if (t.onlyIfBurntToday && destination !== 'ENERGY_RECOVERY') continue;
    const own = t.ownFossilCo2 ? ownCo2Share(destination) : FULL;
    if (own === null) continue;
    const factor = resolveFactor(kb, t.factorId);
    const perUnit = factor && quantityForFactor(1, pathway.unit, factor.factor);
    if (!factor || !perUnit) continue;
    const q = quantity * perUnit;
    const label = own === OWN_CO2_UNDECLARED ? `${t.label} (destination not declared: deducted in the low only, as if landfilled)` : t.label;
    terms.push({ label, quantity: scaleRange(scaleRange(scaleRange({ low: q, central: q, high: q }, TAKE_UP), share), own), quantityUnit: factorQuantityUnit(factor), factor, sign: -1 });
  }
  return terms;
}
