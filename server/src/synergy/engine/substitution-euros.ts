import type { FlowUnit } from '../../vocabulary/flow.enums.js';
import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import { heatSaving, type HeatPump, type SupplySaving } from './heat-impacts.js';
import {
  DECLARED_COST_SAVING,
  DECLARED_COST_SHARE_USE,
  DEFAULT_SPREAD_USE,
  HAULAGE_EUR_PER_TKM,
  HAULAGE_USE,
  TAKE_UP,
  TAKE_UP_USE,
  UNIT_LABEL,
  declaredCostUse,
  figure,
  fmt,
  joinFactors,
  pathwayText,
  pct,
  scaleRange,
  sharedFactors,
  spreadRange,
  typicalCostUse,
  type Baseline,
  type Range,
  type SubstitutionImpactInput,
} from './impact-factors.js';
import { isMaterialPathway, isServicePathway } from '../knowledge/pathway-classes.js';
import { processingCost, resourcePrice, type ResourcePrice } from './net-economics.js';
import { flat } from './shared-items.js';

/**
 * The euros of a substitution, per organisation, net (issue 14): the producer saves its disposal cost less the
 * haulage it now pays, plus the price the taker pays it for the resource; the taker saves its purchase less that
 * price and the processing the resource needs. Both on the expected take-up. Heat is sold at a discount
 * (heat-impacts.ts). The method is written out in docs/impact-method.md § 3.
 */

const RECOVERED_TODAY = new Set(['RECYCLING', 'REUSE', 'ENERGY_RECOVERY']);

export interface SubstitutionEuros {
  producer: ImpactFigure | null;
  taker: ImpactFigure | null;
}

export function substitutionEuros(input: SubstitutionImpactInput, q: number, coverageIn: number | null, baseline: Baseline, pump: HeatPump | null): SubstitutionEuros {
  const material = isMaterialPathway(input.pathway);
  const { figure: taker, price } = purchaseSaving(input, q, coverageIn, baseline, pump);
  const disposal = costSaving(input.output, input.coverage.output, q, input.pathway.unit, input.pathway, baseline.share);
  const hauled = disposal && material ? lessHaulage(disposal, input) : disposal;
  return { producer: price ? withResourceSale(hauled, price, input.output) : hauled, taker };
}

/**
 * Euros the taker saves. Not its whole purchase: a service is still paid to the provider, and a stream that already
 * has a recovery outlet (or that collectors take free: typical disposal cost 0) is a traded commodity bought at its
 * market price — the figure says so at 0 EUR. A taker that declared no cost gets the pathway's typical purchase cost
 * only where the input is normally bought: not for reuse, whose operators mostly receive items as donations. A heat
 * pump's electricity is paid out of the heat saved. A material with a market price is paid for (net-economics.ts),
 * and the processing it needs is paid by the taker.
 */
function purchaseSaving(
  input: SubstitutionImpactInput,
  q: number,
  coverage: number | null,
  baseline: Baseline,
  pump: HeatPump | null,
): { figure: ImpactFigure | null; price: ResourcePrice | null } {
  const { pathway, input: flow, output } = input;
  const declared = flow.yearlyCostEur !== null && flow.yearlyCostEur > 0 && coverage !== null ? flow.yearlyCostEur : null;
  const typical = pathway.impact.typicalPurchaseEurPerUnit;
  if (declared === null && (typical === undefined || typical <= 0)) return { figure: null, price: null };
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  const material = isMaterialPathway(pathway);
  if (isServicePathway(pathway)) return nothingSaved(pathway, flow, declared, SERVICE_STILL_PAID);
  if (declared === null && baseline.route === 'REUSE' && material) return nothingSaved(pathway, flow, declared, REUSE_DONATED);
  if (material && (RECOVERED_TODAY.has(output.currentDestination ?? '') || pathway.impact.typicalDisposalEurPerUnit === 0)) {
    return nothingSaved(pathway, flow, declared, marketValue(output.currentDestination));
  }
  // The declared purchase prorated to the share the synergy covers, on the expected take-up.
  const covered = declared !== null ? declared * coverage! : 0;
  const supply: SupplySaving =
    declared !== null
      ? {
          base: scaleRange({ low: covered, central: covered, high: covered }, DECLARED_COST_SAVING),
          formula: `${fmt(declared)} EUR/yr declared purchase × ${pct(coverage!)} covered × ${pct(TAKE_UP.central)} take-up`,
          factors: [declaredCostUse(declared), DECLARED_COST_SHARE_USE],
          basis: 'DECLARED',
        }
      : {
          base: scaleRange(spreadRange(q * typical!), TAKE_UP),
          formula: `${fmt(q)}${pathwayText(pathway, 'typical-purchase', () => ` ${unitLabel} × ${fmt(typical!)} EUR/${unitLabel} typical purchase × ${pct(TAKE_UP.central)} take-up`)}`,
          factors: sharedFactors(pathway, 'typical-purchase:spread', () => [typicalCostUse(pathway, 'typical-purchase-cost', typical!, `EUR/${unitLabel}`), DEFAULT_SPREAD_USE, TAKE_UP_USE]),
          basis: 'TYPICAL',
        };
  if (pathway.impact.indicator === 'ENERGY') {
    const heat = heatSaving(supply, pump);
    return { figure: euros(heat, flow.organizationId), price: null };
  }
  // The most the taker would pay the producer: the typical supply cost per unit the synergy replaces. Never the
  // taker's declared cost: the price is credited to the producer, whose figure must not reveal what the taker pays
  // (a declared cost is read by its organisation and facilitators only; net-economics.test checks it).
  const ceiling = typical !== undefined && typical > 0 ? typical : null;
  const price = material ? resourcePrice(pathway, q, ceiling) : null;
  const processing = material ? processingCost(pathway, q) : null;
  let net = supply;
  for (const cost of [price, processing]) {
    if (!cost) continue;
    net = {
      base: { low: net.base.low - cost.eur.high, central: net.base.central - cost.eur.central, high: net.base.high - cost.eur.low },
      formula: `${net.formula} − ${cost.formula}`,
      factors: joinFactors(net.factors, cost.uses),
      basis: 'MIXED',
    };
  }
  return { figure: euros(net, flow.organizationId), price };
}

/** Why a taker saves nothing on a material with a market value, by the output's destination (a few words each). */
function marketValue(destination: string | null): string {
  const key = destination ?? '';
  let why = MARKET_VALUE.get(key);
  if (why === undefined) {
    const today = destination && RECOVERED_TODAY.has(destination) ? `already ${destination} today` : 'taken free by collectors';
    MARKET_VALUE.set(key, (why = flat(`the output has a market value (${today}) that the taker pays; only a shorter haul or a price difference would be saved, neither estimated`)));
  }
  return why;
}

const MARKET_VALUE = new Map<string, string>();

const SERVICE_STILL_PAID = 'a service (or shared premises, vehicles) is still paid to the provider; only a negotiated discount would be saved, and none is assumed';
const REUSE_DONATED = 'no purchase declared, and reuse operators mostly receive such items as donations, so no typical purchase is credited';

/**
 * 0 EUR saved by the taker, and why. On a typical purchase the words are the pathway's own and the reason's (a
 * route, a destination): one formula per pathway and reason, not one per synergy. A declared purchase is the
 * taker's confidential figure: its formula is its own.
 */
function nothingSaved(pathway: Pathway, flow: EngineFlow, declared: number | null, why: string): { figure: ImpactFigure; price: null } {
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  const typical = pathway.impact.typicalPurchaseEurPerUnit!;
  const formula =
    declared !== null
      ? `0 EUR counted on the ${fmt(declared)} EUR/yr declared purchase: ${why}`
      : pathwayText(pathway, why, () => `0 EUR counted on the ${fmt(typical)} EUR/${unitLabel} typical purchase: ${why}`);
  return {
    price: null,
    figure: figure(
      {
        indicator: 'EUROS_SAVED',
        unit: 'EUR',
        formula,
        factors: declared !== null ? [declaredCostUse(declared)] : sharedFactors(pathway, 'typical-purchase', () => [typicalCostUse(pathway, 'typical-purchase-cost', typical, `EUR/${unitLabel}`)]),
        basis: declared !== null ? 'DECLARED' : 'TYPICAL',
        organizationId: flow.organizationId,
      },
      { low: 0, central: 0, high: 0 },
      0,
    ),
  };
}

function euros(s: SupplySaving, organizationId: string): ImpactFigure {
  return figure({ indicator: 'EUROS_SAVED', unit: 'EUR', formula: `${s.formula} = ${fmt(s.base.central)} EUR`, factors: s.factors, basis: s.basis, organizationId }, s.base, 0);
}

/** The producer is paid the resource's price by the taker: a transfer, counted on both sides so that it nets out. */
function withResourceSale(saving: ImpactFigure | null, price: ResourcePrice, producer: EngineFlow): ImpactFigure {
  const sale = price.eur;
  const base = saving ?? figure({ indicator: 'EUROS_SAVED', unit: 'EUR', formula: '0 EUR', factors: [], basis: 'TYPICAL', organizationId: producer.organizationId }, { low: 0, central: 0, high: 0 }, 0);
  const central = base.central + Math.round(sale.central);
  return {
    ...base,
    low: base.low + Math.round(sale.low),
    central,
    high: base.high + Math.round(sale.high),
    formula: `${saving ? base.formula.replace(/ = [^=]*$/, '') : ''}${saving ? ' + ' : ''}${price.formula} paid by the taker = ${fmt(central)} EUR`,
    factors: joinFactors(base.factors, price.uses),
    basis: 'MIXED',
  };
}

const HAULAGE_TEXT = ` t·km × ${fmt(HAULAGE_EUR_PER_TKM.central)} EUR/t·km haulage (assumed) = `;

/**
 * Net of haulage: the producer now brings its output to the taker (it paid its collector before, which its declared
 * or typical disposal cost includes), `t·km × 0.12 EUR/t·km` on the expected take-up (an assumption, 0.08 to 0.20).
 * The net may be negative.
 */
function lessHaulage(saving: ImpactFigure, input: SubstitutionImpactInput): ImpactFigure {
  const tkm = input.transport?.tonneKm;
  if (!tkm || tkm <= 0) return saving;
  const moved: Range = scaleRange({ low: tkm, central: tkm, high: tkm }, TAKE_UP);
  const low = saving.low - Math.round(moved.high * HAULAGE_EUR_PER_TKM.high);
  const central = saving.central - Math.round(moved.central * HAULAGE_EUR_PER_TKM.central);
  const high = saving.high - Math.round(moved.low * HAULAGE_EUR_PER_TKM.low);
  return {
    ...saving,
    low,
    central,
    high,
    formula: `${saving.formula} − ${fmt(moved.central)}${HAULAGE_TEXT}${fmt(central)} EUR net`,
    factors: joinFactors(saving.factors, HAULAGE_USE),
    basis: saving.basis === 'DECLARED' ? 'MIXED' : saving.basis,
  };
}

/** Euros the producer saves: its declared cost prorated to the matched share, else a typical cost × quantity; on the expected take-up. */
function costSaving(flow: EngineFlow, coverage: number | null, quantity: number, unit: FlowUnit | `${FlowUnit}`, pathway: Pathway, share: Range): ImpactFigure | null {
  if (flow.yearlyCostEur !== null && flow.yearlyCostEur > 0 && coverage !== null) {
    const covered = flow.yearlyCostEur * coverage;
    const range = scaleRange({ low: covered, central: covered, high: covered }, DECLARED_COST_SAVING);
    return figure(
      {
        indicator: 'EUROS_SAVED',
        unit: 'EUR',
        formula: `${fmt(flow.yearlyCostEur)} EUR/yr declared disposal × ${pct(coverage)} covered × ${pct(TAKE_UP.central)} take-up = ${fmt(range.central)} EUR`,
        factors: [declaredCostUse(flow.yearlyCostEur), DECLARED_COST_SHARE_USE],
        basis: 'DECLARED',
        organizationId: flow.organizationId,
      },
      range,
      0,
    );
  }
  const typical = pathway.impact.typicalDisposalEurPerUnit;
  if (typical === undefined || typical <= 0) return null;
  const diverted = share.central;
  if (diverted === 0) return null;
  const range = scaleRange(spreadRange(quantity * typical * diverted), TAKE_UP);
  const unitLabel = UNIT_LABEL[unit] ?? unit;
  return figure(
    {
      indicator: 'EUROS_SAVED',
      unit: 'EUR',
      // The words between the quantity and the result are the pathway's and its share's: made once each.
      formula: `${fmt(quantity)}${pathwayText(pathway, diverted === 1 ? 'typical-disposal' : `typical-disposal:${diverted}`, () => ` ${unitLabel} × ${fmt(typical)} EUR/${unitLabel} typical disposal × ${pct(diverted)} diverted × ${pct(TAKE_UP.central)} take-up = `)}${fmt(range.central)} EUR`,
      factors: sharedFactors(pathway, 'typical-output', () => [typicalCostUse(pathway, 'typical-disposal-cost', typical, `EUR/${unitLabel}`), DEFAULT_SPREAD_USE, TAKE_UP_USE]),
      basis: 'TYPICAL',
      organizationId: flow.organizationId,
    },
    range,
    0,
  );
}
