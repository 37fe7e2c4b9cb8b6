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
}

const HEAT_LOST_WOOD: ProcessTerm = { factorId: 'ef-wood-heat-lost', label: 'heat the wood gave when burnt, now made by another fuel', onlyIfBurntToday: true };
const CRUSHING: ProcessTerm = { factorId: 'ef-crushing-energy', label: 'crushing and screening' };
const DISTILLATION: ProcessTerm = { factorId: 'ef-solvent-distillation-energy', label: 'distillation energy' };

/** By pathway id (method code, so that adding pathways to the knowledge base does not move these lines). */
export const PROCESS_TERMS: Record<string, ProcessTerm[]> = {
  'pallets-repair-reuse': [{ factorId: 'ef-pallet-heat-lost', label: 'heat the pallets gave when burnt, now made by another fuel', onlyIfBurntToday: true }],
  'solid-wood-offcuts-reuse': [HEAT_LOST_WOOD],
  'deconstruction-timber-reuse': [HEAT_LOST_WOOD],
  'wood-waste-particleboard': [HEAT_LOST_WOOD],
  'solvent-distillation': [DISTILLATION],
  'concrete-recycled-aggregates': [CRUSHING],
  'mixed-rubble-subbase': [CRUSHING],
  'empty-return-backhaul': [{ factorId: 'ef-backhaul-load-extra-fuel', label: 'extra fuel of carrying the load on the return' }],
};

/** The process terms of `pathway` on `quantity` (in its unit) × `share` (the part that changes route), to subtract. */
export function processTerms(pathway: Pathway, quantity: number, share: Range, destination: string | null, kb: CompiledKnowledgeBase): Co2Term[] {
  const terms: Co2Term[] = [];
  for (const t of PROCESS_TERMS[pathway.id] ?? []) {
    if (t.onlyIfBurntToday && destination !== 'ENERGY_RECOVERY') continue;
    const factor = resolveFactor(kb, t.factorId);
    const perUnit = factor && quantityForFactor(1, pathway.unit, factor.factor);
    if (!factor || !perUnit) continue;
    const q = quantity * perUnit;
    terms.push({ label: t.label, quantity: scaleRange(scaleRange({ low: q, central: q, high: q }, TAKE_UP), share), quantityUnit: factorQuantityUnit(factor), factor, sign: -1 });
  }
  return terms;
}
