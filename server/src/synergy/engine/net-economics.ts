import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { ImpactFactorUse } from './engine.types.js';
import { fmt, pct, TAKE_UP, UNIT_LABEL, type Range } from './impact-factors.js';

/**
 * What a material substitution costs besides haulage (issue 14, net economics): the price the taker now pays the
 * producer for the resource, the processing the resource needs before use, and the yield of recycling (a tonne sent
 * to recycling gives less than a tonne of the material it replaces). Method code, keyed by pathway or factor id, so
 * that adding pathways to the knowledge base does not move these lines; each value is either backed by a source of
 * the knowledge base of its kind or shown as an assumption with its range.
 */

/**
 * Typical price of a secondary material, EUR per tonne: Eurostat, "Recycling – secondary material price indicator"
 * (Statistics Explained, data from March 2025): in 2024, 156 EUR/t for paper and cardboard, 321 EUR/t for plastic,
 * 95 EUR/t for glass (average prices of the EU's traded secondary materials). The range is ±30 %: the indicator moved
 * by that much from one year to the next (plastic 454 EUR/t in 2022).
 */
export const SECONDARY_MATERIAL_PRICE_SOURCE_ID = 'eurostat-secondary-material-prices-2024';
const PAPER = { material: 'paper and cardboard', eurPerTonne: 156 };
const PLASTIC = { material: 'plastic', eurPerTonne: 321 };
const GLASS = { material: 'glass', eurPerTonne: 95 };
export const SECONDARY_MATERIAL_PRICE: Record<string, { material: string; eurPerTonne: number }> = {
  'cardboard-paper-recycling': PAPER,
  'paper-trimmings-packaging-fill': PAPER,
  'paper-animal-bedding': PAPER,
  'pe-film-recycling': PLASTIC,
  'rigid-plastic-recycling': PLASTIC,
  'production-scrap-regrind': PLASTIC,
  'agricultural-film-recycling': PLASTIC,
  'glass-cullet-recycling': GLASS,
};
export const PRICE_SPREAD = 0.3;

const USES = new WeakMap<object, ImpactFactorUse[]>();

/**
 * A price's or a processing cost's factor, one frozen list per table entry (or pathway): the same for every
 * synergy, so that the euros figures joining it share their lists (see joinFactors).
 */
function onceFor(owner: object, make: () => ImpactFactorUse): ImpactFactorUse[] {
  let uses = USES.get(owner);
  if (!uses) {
    uses = Object.freeze([Object.freeze(make())]) as ImpactFactorUse[];
    USES.set(owner, uses);
  }
  return uses;
}

/** The price the taker pays the producer: the market price, at most what the taker paid per unit for its supply. */
export interface ResourcePrice {
  /** EUR per unit of the pathway (per tonne), central. */
  perUnit: number;
  /** EUR a year on the quantity taken up: low, central, high (the price's own ±30 % and the take-up). */
  eur: Range;
  formula: string;
  uses: ImpactFactorUse[];
}

/**
 * The resource's price on `quantity` (tonnes, before take-up). A taker does not pay more than a typical supply cost
 * (`ceilingPerUnit`, the pathway's typical purchase — public, never the taker's declared cost, since the price is
 * credited to the producer): the price is the lesser of the two. Null when no price is known.
 */
export function resourcePrice(pathway: Pathway, quantity: number, ceilingPerUnit: number | null): ResourcePrice | null {
  const entry = SECONDARY_MATERIAL_PRICE[pathway.id];
  if (!entry || pathway.unit !== 'TONNE' || quantity <= 0) return null;
  const perUnit = ceilingPerUnit === null ? entry.eurPerTonne : Math.min(entry.eurPerTonne, Math.max(0, ceilingPerUnit));
  const capped = perUnit < entry.eurPerTonne;
  const eur = {
    low: quantity * TAKE_UP.low * perUnit * (capped ? 1 : 1 - PRICE_SPREAD),
    central: quantity * TAKE_UP.central * perUnit,
    high: quantity * TAKE_UP.high * (capped ? perUnit : perUnit * (1 + PRICE_SPREAD)),
  };
  const why = capped ? `the typical purchase of the taker's supply, ${fmt(perUnit)} EUR/t, below the ${entry.material} market price` : `${entry.material}, Eurostat 2024`;
  return {
    perUnit,
    eur,
    formula: `${fmt(quantity * TAKE_UP.central)} t × ${fmt(perUnit)} EUR/t resource price (${why})`,
    uses: onceFor(entry, () => ({ id: 'secondary-material-price', value: entry.eurPerTonne, unit: `EUR/t ${entry.material} (±${pct(PRICE_SPREAD)})`, sourceId: SECONDARY_MATERIAL_PRICE_SOURCE_ID, kind: 'COST' })),
  };
}

/**
 * Processing the taker does before use, EUR per unit of the pathway: distillation of a spent solvent, repair of a
 * pallet, reconditioning of a drum, crushing and screening of rubble. No cost source is in the knowledge base: each is
 * an order of magnitude, shown as an assumption with its range.
 */
export const PROCESSING_COST: Record<string, { what: string; eur: Range }> = {
  'solvent-distillation': { what: 'distillation', eur: { low: 150, central: 250, high: 400 } },
  'pallets-repair-reuse': { what: 'repair', eur: { low: 2, central: 4, high: 6 } },
  'drums-ibc-reconditioning': { what: 'cleaning and reconditioning', eur: { low: 15, central: 30, high: 50 } },
  'concrete-recycled-aggregates': { what: 'crushing and screening', eur: { low: 2, central: 4, high: 7 } },
  'mixed-rubble-subbase': { what: 'crushing and screening', eur: { low: 2, central: 4, high: 7 } },
};

export interface ProcessingCost {
  eur: Range;
  formula: string;
  uses: ImpactFactorUse[];
}

/** The processing cost on `quantity` (pathway unit, before take-up), or null when the pathway needs none listed. */
export function processingCost(pathway: Pathway, quantity: number): ProcessingCost | null {
  const entry = PROCESSING_COST[pathway.id];
  if (!entry || quantity <= 0) return null;
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  return {
    eur: { low: quantity * TAKE_UP.low * entry.eur.low, central: quantity * TAKE_UP.central * entry.eur.central, high: quantity * TAKE_UP.high * entry.eur.high },
    formula: `${fmt(quantity * TAKE_UP.central)} ${unitLabel} × ${fmt(entry.eur.central)} EUR/${unitLabel} ${entry.what} (assumed, ${fmt(entry.eur.low)}–${fmt(entry.eur.high)})`,
    uses: onceFor(pathway, () => ({ id: 'processing-cost', value: entry.eur.central, unit: `EUR/${unitLabel} ${entry.what} (low ${entry.eur.low}, high ${entry.eur.high})`, sourceId: null, kind: 'ASSUMPTION' })),
  };
}

/**
 * Recycling yield: the share of a tonne sent to recycling that comes out as the material it replaces (the rest,
 * rejects and losses, is still disposed of). Applied, on the RECYCLING route, to avoided production and avoided
 * disposal where the avoided-production factor is given per tonne of the substituted material. A factor given per
 * tonne collected or recovered (FEDEREC 2017 in the Base Carbone: steel, paper and board; BIO IS « par t valorisée »:
 * plastics) already holds the losses of recycling, so the yield does not touch it (`productionPerRecovered`): it
 * scales only the avoided disposal, because the rejects are still disposed of (docs/impact-method.md § 3). Where the
 * knowledge base holds a TECHNICAL source for the yield (`sourceId`, what it says in `basis`), the yield cites it;
 * every other value is an order of magnitude by stream family, shown as an assumption with its range.
 */
export const RECYCLING_YIELD: Record<string, { family: string; yield: Range; sourceId?: string; basis?: string; productionPerRecovered?: boolean }> = {
  'ef-pe-recycling-gain': { family: 'plastic film (washing, extrusion losses)', yield: { low: 0.6, central: 0.75, high: 0.9 }, productionPerRecovered: true },
  'ef-rigid-plastic-recycling-gain': { family: 'rigid plastics (sorting, washing losses)', yield: { low: 0.7, central: 0.8, high: 0.9 }, productionPerRecovered: true },
  // Rubber is ≈ 70 % of an end-of-life tyre's weight (EcoTyre), 75 % (EuRIC): what granulation can give at most; the
  // low, 60 %, allows for grinding losses and fines (assumed).
  'ef-rubber-granulate': {
    family: 'tyres (steel and textile removed)',
    yield: { low: 0.6, central: 0.7, high: 0.75 },
    sourceId: 'ecotyre-elt-recovery',
    basis: 'rubber ≈ 70 % of an end-of-life tyre by weight (EcoTyre; 75 % EuRIC, source euric-tyres); low: grinding losses, assumed',
  },
  'ef-virgin-solvent': { family: 'spent solvents (distillation residues)', yield: { low: 0.7, central: 0.8, high: 0.9 } },
  'ef-natural-aggregates': { family: 'mineral aggregates (fines, impurities)', yield: { low: 0.9, central: 0.95, high: 1 } },
  'ef-forest-chips': { family: 'wood (contaminants, fines)', yield: { low: 0.85, central: 0.9, high: 0.95 } },
  'ef-natural-gypsum': { family: 'gypsum (paper lining removed)', yield: { low: 0.85, central: 0.9, high: 0.95 } },
};

interface RecyclingYield {
  yield: Range;
  use: ImpactFactorUse;
  note: string;
  disposalOnly: boolean;
}
/** By entry of RECYCLING_YIELD: the same for every synergy (its factor shared, frozen, by their CO2e figures). */
const YIELDS = new WeakMap<object, RecyclingYield>();

export function recyclingYield(
  pathway: Pathway,
  productionFactorId: string | undefined,
): RecyclingYield | null {
  if (pathway.route !== 'RECYCLING' || !productionFactorId) return null;
  const entry = RECYCLING_YIELD[productionFactorId];
  if (!entry) return null;
  let found = YIELDS.get(entry);
  if (!found) {
    const y = entry.yield;
    const onWhat = entry.productionPerRecovered ? ', on the avoided disposal only: the production factor is per t recovered' : '';
    found = Object.freeze({
      disposalOnly: entry.productionPerRecovered === true,
      yield: y,
      use: Object.freeze(
        entry.sourceId
          ? { id: 'recycling-yield', value: y.central, unit: `share of the input recycled into ${entry.family} (low ${y.low}, high ${y.high}; ${entry.basis}${onWhat})`, sourceId: entry.sourceId, kind: 'TECHNICAL' }
          : { id: 'recycling-yield', value: y.central, unit: `share of the input recycled into ${entry.family} (low ${y.low}, high ${y.high}; assumed${onWhat})`, sourceId: null, kind: 'ASSUMPTION' },
      ) as ImpactFactorUse,
      note: ` × ${pct(y.central)} recycling yield`,
    });
    YIELDS.set(entry, found);
  }
  return found;
}
