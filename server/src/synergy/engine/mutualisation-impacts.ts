import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineFlow, ImpactFactorUse, ImpactFigure } from './engine.types.js';
import {
  DECLARED_COST_SAVING,
  NO_FACTORS,
  sharedFactors,
  TAKE_UP,
  UNIT_LABEL,
  divertedShare,
  figure,
  fmt,
  pct,
  scaleRange,
  spreadRange,
  transportFactor,
  type Range,
} from './impact-factors.js';
import { avoidedTerms, co2Figure, jobFigures, physicalFigure } from './impacts.js';
import { convertQuantity } from './units.js';

/**
 * Impacts of pooling a stream or a need. Pooling does not create the resource; it saves on logistics and
 * purchasing and makes a stream large enough to be recovered. The savings rest on the named assumptions below
 * (docs/impact-method.md): change them here, nowhere else.
 */

/** Share of each member's collection (disposal) cost saved by one pooled collection. */
export const POOLED_COLLECTION_COST_SAVING = 0.2;
/** Share of each member's purchase cost saved by a group purchase, a shared equipment or service. */
export const GROUP_PURCHASE_COST_SAVING = 0.1;
/** Share of truck kilometres saved when one round collects (or delivers to) the whole group. */
export const POOLED_TRUCK_KM_SAVING = 0.3;
/** Road distance a member's stream travels today to its collector or from its supplier, km. */
export const BASELINE_COLLECTION_DISTANCE_KM = 25;

export interface PooledMember {
  flow: EngineFlow;
  /** In the pathway's unit; null when unknown. */
  quantity: number | null;
}

export interface MutualisationImpactInput {
  pathway: Pathway;
  direction: 'OUTPUT' | 'INPUT';
  /** Sorted by flow id. */
  members: PooledMember[];
  /** Sum of the known quantities; null when none is known. */
  pooledQuantity: number | null;
}

export function mutualisationImpacts(input: MutualisationImpactInput, kb: CompiledKnowledgeBase): ImpactFigure[] {
  const { pathway, members, pooledQuantity: pooled } = input;
  const figures: ImpactFigure[] = [];
  const known = members.filter((m) => m.quantity !== null);
  if (pooled !== null && input.direction === 'OUTPUT') {
    const tonnes = divertedFigure(pathway, known);
    if (tonnes) figures.push(tonnes);
  } else if (pooled !== null) {
    const physical = physicalFigure(pathway, pooled, { low: 1, central: 1, high: 1 }, null);
    if (physical && physical.indicator !== 'TONNES_DIVERTED') figures.push(physical);
  }
  if (pooled !== null) {
    const diverted: Range = { low: 0, central: 0, high: 0 };
    if (input.direction === 'OUTPUT') {
      for (const m of known) addRange(diverted, scaleRange({ low: m.quantity!, central: m.quantity!, high: m.quantity! }, divertedShare(m.flow.currentDestination)));
    }
    // Pooling a stream that is already recycled avoids no production: only the share it diverts from disposal does
    // (the declared destination is the baseline, as for tonnes diverted). Pooled needs keep the whole quantity.
    const produced = input.direction === 'OUTPUT' ? diverted.central : pooled;
    const merged = avoidedTerms(pathway, produced, diverted, ' (members\' diverted share)', kb);
    const tonnes = pathway.impact.indicator === 'MASS' ? convertQuantity(pooled, pathway.unit, 'TONNE') : null;
    if (tonnes !== null) {
      const saved = tonnes * BASELINE_COLLECTION_DISTANCE_KM * POOLED_TRUCK_KM_SAVING;
      merged.push({
        label: `transport saved (${pct(POOLED_TRUCK_KM_SAVING)} of ${fmt(tonnes)} t × ${BASELINE_COLLECTION_DISTANCE_KM} km)`,
        quantity: scaleRange({ low: saved, central: saved, high: saved }, TAKE_UP),
        quantityUnit: 't·km',
        factor: transportFactor(kb),
        sign: 1,
      });
    }
    if (merged.length > 0) figures.push(co2Figure(pathway, merged));
  }
  figures.push(...costSavings(input));
  if (pooled !== null) {
    let insertion = 0;
    for (const m of known) if (m.flow.insertion || m.flow.organizationKind === 'SSE') insertion += m.quantity!;
    figures.push(...jobFigures(pathway, pooled, pooled > 0 ? insertion / pooled : 0, 'of pooled volume'));
  }
  return figures.slice();
}

function divertedFigure(pathway: Pathway, known: PooledMember[]): ImpactFigure | null {
  if (pathway.impact.indicator !== 'MASS') return null;
  const range: Range = { low: 0, central: 0, high: 0 };
  let total = 0;
  for (const m of known) {
    const t = convertQuantity(m.quantity, pathway.unit, 'TONNE');
    if (t === null) return null;
    total += t;
    const part = scaleRange(scaleRange({ low: t, central: t, high: t }, TAKE_UP), divertedShare(m.flow.currentDestination));
    range.low += part.low;
    range.central += part.central;
    range.high += part.high;
  }
  return figure(
    {
      indicator: 'TONNES_DIVERTED',
      unit: 't',
      formula: `sum of members' t × share diverted by their baseline = ${fmt(range.central)} t of ${fmt(total)} t pooled`,
      factors: NO_FACTORS,
      basis: 'DECLARED',
      organizationId: null,
    },
    range,
  );
}

/** Euros each member organisation saves: a share of its declared cost, else of a typical cost. */
function costSavings(input: MutualisationImpactInput): ImpactFigure[] {
  const { pathway, direction } = input;
  const saving = direction === 'OUTPUT' ? POOLED_COLLECTION_COST_SAVING : GROUP_PURCHASE_COST_SAVING;
  const typical = direction === 'OUTPUT' ? pathway.impact.typicalDisposalEurPerUnit : pathway.impact.typicalPurchaseEurPerUnit;
  const what = direction === 'OUTPUT' ? 'collection' : 'purchase';
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  const savingId = direction === 'OUTPUT' ? 'pooled-collection-cost-saving' : 'group-purchase-cost-saving';
  const savingUse: ImpactFactorUse = { id: savingId, value: saving, unit: 'share', sourceId: null };
  const declaredFactors = sharedFactors(pathway, `${savingId}:declared`, () => [savingUse]);
  const typicalFactors = sharedFactors(pathway, `${savingId}:typical`, () => [
    savingUse,
    {
      id: direction === 'OUTPUT' ? 'typical-disposal-cost' : 'typical-purchase-cost',
      value: typical ?? 0,
      unit: `EUR/${unitLabel}`,
      sourceId: pathway.impact.sourceIds[0] ?? null,
    },
  ]);
  const byOrg = new Map<string, OrgSaving>();
  for (const m of input.members) {
    const cost = m.flow.yearlyCostEur;
    let part: string;
    let low: number;
    let central: number;
    let high: number;
    let declared = false;
    if (cost !== null && cost > 0) {
      central = cost * saving;
      low = central * DECLARED_COST_SAVING.low;
      high = central * DECLARED_COST_SAVING.high;
      declared = true;
      part = `${fmt(cost)} EUR declared ${what} × ${pct(saving)} saved`;
    } else if (typical !== undefined && typical > 0 && m.quantity !== null) {
      const r = spreadRange(m.quantity * typical * saving);
      ({ low, central, high } = r);
      part = `${fmt(m.quantity)} ${unitLabel} × ${fmt(typical)} EUR/${unitLabel} typical ${what} × ${pct(saving)} saved`;
    } else continue;
    const org = byOrg.get(m.flow.organizationId);
    if (!org) {
      byOrg.set(m.flow.organizationId, { low, central, high, declared: declared ? 1 : 0, typical: declared ? 0 : 1, formula: part });
      continue;
    }
    org.low += low;
    org.central += central;
    org.high += high;
    if (declared) org.declared++;
    else org.typical++;
    org.formula += ` + ${part}`;
  }
  const organizations = [...byOrg.keys()].sort();
  const figures: ImpactFigure[] = [];
  for (const organizationId of organizations) {
    const org = byOrg.get(organizationId)!;
    figures.push(
      figure(
        {
          indicator: 'EUROS_SAVED',
          unit: 'EUR',
          formula: `${org.formula} = ${fmt(org.central)} EUR`,
          factors: org.typical > 0 ? typicalFactors : declaredFactors,
          basis: org.declared > 0 && org.typical > 0 ? 'MIXED' : org.declared > 0 ? 'DECLARED' : 'TYPICAL',
          organizationId,
        },
        org,
        0,
      ),
    );
  }
  return figures;
}

interface OrgSaving extends Range {
  declared: number;
  typical: number;
  formula: string;
}

function addRange(to: Range, r: Range): void {
  to.low += r.low;
  to.central += r.central;
  to.high += r.high;
}
