import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import {
  DECLARED_COST_SAVING,
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
import { NO_FACTORS, avoidedTerms, co2Figure, jobFigures, physicalFigure, type Co2Term } from './impacts.js';
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
    const terms: Co2Term[] = [];
    for (const m of known) {
      const share = input.direction === 'OUTPUT' ? divertedShare(m.flow.currentDestination) : { low: 0, central: 0, high: 0 };
      terms.push(...avoidedTerms(pathway, m.quantity!, share, m.flow.currentDestination, kb));
    }
    const merged = mergeTerms(terms);
    const tonnes = pathway.impact.indicator === 'MASS' ? convertQuantity(pooled, pathway.unit, 'TONNE') : null;
    if (tonnes !== null) {
      const saved = tonnes * BASELINE_COLLECTION_DISTANCE_KM * POOLED_TRUCK_KM_SAVING;
      merged.push({
        label: `${pct(POOLED_TRUCK_KM_SAVING)} of ${fmt(tonnes)} t × ${BASELINE_COLLECTION_DISTANCE_KM} km of transport saved by pooling`,
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
    figures.push(...jobFigures(pathway, pooled, pooled > 0 ? insertion / pooled : 0, 'of the pooled volume from members'));
  }
  return figures;
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
      formula: `Σ over members of tonnes × share diverted by each one's declared destination (0 % if already recycled or reused) = ${fmt(range.central)} t of ${fmt(total)} t pooled; low: ${pct(TAKE_UP.low)} take-up`,
      factors: NO_FACTORS,
      basis: 'DECLARED',
      organizationId: null,
    },
    range,
  );
}

/** One term per factor: members' quantities added up (in member order). */
function mergeTerms(terms: Co2Term[]): Co2Term[] {
  const merged = new Map<string, Co2Term>();
  for (const t of terms) {
    const key = `${t.factor.factor.id}|${t.label.startsWith('avoided production') ? 'p' : 'd'}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { ...t, label: t.label.split(',')[0], quantity: { ...t.quantity } });
    else {
      m.quantity.low += t.quantity.low;
      m.quantity.central += t.quantity.central;
      m.quantity.high += t.quantity.high;
    }
  }
  return [...merged.values()];
}

/** Euros each member organisation saves: a share of its declared cost, else of a typical cost. */
function costSavings(input: MutualisationImpactInput): ImpactFigure[] {
  const { pathway, direction } = input;
  const saving = direction === 'OUTPUT' ? POOLED_COLLECTION_COST_SAVING : GROUP_PURCHASE_COST_SAVING;
  const typical = direction === 'OUTPUT' ? pathway.impact.typicalDisposalEurPerUnit : pathway.impact.typicalPurchaseEurPerUnit;
  const what = direction === 'OUTPUT' ? 'collection' : 'purchase';
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  const byOrg = new Map<string, { declared: number; typical: number; range: Range; parts: string[] }>();
  for (const m of input.members) {
    const org = byOrg.get(m.flow.organizationId) ?? { declared: 0, typical: 0, range: { low: 0, central: 0, high: 0 }, parts: [] };
    const cost = m.flow.yearlyCostEur;
    if (cost !== null && cost > 0) {
      const c = cost * saving;
      const r = scaleRange({ low: c, central: c, high: c }, DECLARED_COST_SAVING);
      addRange(org.range, r);
      org.declared++;
      org.parts.push(`${fmt(cost)} € declared × ${pct(saving)}`);
    } else if (typical !== undefined && typical > 0 && m.quantity !== null) {
      const c = m.quantity * typical * saving;
      addRange(org.range, spreadRange(c));
      org.typical++;
      org.parts.push(`${fmt(m.quantity)} ${unitLabel} × ${fmt(typical)} €/${unitLabel} typical × ${pct(saving)}`);
    } else continue;
    byOrg.set(m.flow.organizationId, org);
  }
  return [...byOrg.keys()].sort().map((organizationId) => {
    const org = byOrg.get(organizationId)!;
    return figure(
      {
        indicator: 'EUROS_SAVED',
        unit: 'EUR',
        formula: `${org.parts.join(' + ')} = ${fmt(org.range.central)} € (${pct(saving)} of the ${what} cost saved by pooling, an assumption)`,
        factors: [
          { id: direction === 'OUTPUT' ? 'pooled-collection-cost-saving' : 'group-purchase-cost-saving', value: saving, unit: 'share', sourceId: null },
          ...(org.typical > 0
            ? [{ id: direction === 'OUTPUT' ? 'typical-disposal-cost' : 'typical-purchase-cost', value: typical!, unit: `EUR/${unitLabel}`, sourceId: pathway.impact.sourceIds[0] ?? null }]
            : []),
        ],
        basis: org.declared > 0 && org.typical > 0 ? 'MIXED' : org.declared > 0 ? 'DECLARED' : 'TYPICAL',
        organizationId,
      },
      org.range,
      0,
    );
  });
}

function addRange(to: Range, r: Range): void {
  to.low += r.low;
  to.central += r.central;
  to.high += r.high;
}
