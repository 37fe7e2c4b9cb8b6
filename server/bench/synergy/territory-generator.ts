import { listWasteCodes } from '../../src/nomenclature/waste-codes.js';
import type { EngineFlow } from '../../src/synergy/engine/engine.types.js';
import type { KnowledgeBase, NeedDefinition, Pathway, StreamMatcher } from '../../src/synergy/knowledge/knowledge-base.types.js';
import { Prng, WeightedPicker } from '../prng.js';

/**
 * Generated territories for the benchmark: a ~100 km × 100 km region around the Moselle valley, organisations in
 * business parks and scattered, each with a few flows drawn from the knowledge base itself (its EWC codes, needs,
 * keywords, temperatures and units), in a realistic mix — many producers of packaging, few steelworks; many
 * outputs of waste, few recyclers that take it; plus flows the knowledge base does not cover.
 */

const CENTRE = { latitude: 49.25, longitude: 6.15 };
const HALF_SIDE_KM = 50;
const KM_PER_DEGREE = 111.195;
const ZONES = 60;

/** How common a family's outputs are among a territory's flows. */
const FAMILY_WEIGHT: Record<string, number> = {
  PAPER: 10, PACKAGING: 10, WOOD: 8, PLASTIC: 8, ORGANIC: 6, METAL: 6, CONSTRUCTION: 5, HEAT: 4, STEAM: 1,
  COOLING: 2, WATER: 3, WASTEWATER: 2, SLUDGE: 1, SLAG: 0.3, DUST_SCALE: 0.3, ASH_GYPSUM: 0.5, SOLVENT_OIL: 2,
  EQUIPMENT: 3, SERVICE: 4, LOGISTICS: 3, PURCHASING: 6,
};
/**
 * Flows declaring the INPUT side per flow declaring the OUTPUT side, by family. A region has thousands of producers
 * of cardboard or wood waste but a handful of paper mills and board plants, so takers of a waste are rare; heat and
 * water are needed about as often as they are available; services and equipment are the other way round: many
 * organisations need a training or a forklift, few offer one.
 */
const INPUT_PER_OUTPUT: Record<string, number> = {
  HEAT: 0.6, STEAM: 0.5, COOLING: 0.5, WATER: 0.5, WASTEWATER: 0.3, SERVICE: 8, EQUIPMENT: 2, LOGISTICS: 1.5,
};
const DEFAULT_INPUT_PER_OUTPUT = 0.02;
const LABEL_SUFFIXES = ['', '', ' en vrac', ' (atelier 2)', ' – chutes de production', ' big bags', ' triés', ' mélangés', ' lot hebdomadaire'];
const NOISE_LABELS = ['Compétence soudure', 'Local de stockage 200 m²', 'Conseil RH', 'Formation sécurité', 'Bureaux à partager', 'Déchets divers non triés'];
const DESTINATIONS = [null, 'LANDFILL', 'LANDFILL', 'LANDFILL', 'INCINERATION', 'ENERGY_RECOVERY', 'ENERGY_RECOVERY', 'RECYCLING', 'RECYCLING', 'RECYCLING', 'RECYCLING'] as const;
const NOISE_SHARE = 0.15;

interface Organisation {
  id: string;
  latitude: number;
  longitude: number;
  kind: EngineFlow['organizationKind'];
  insertion: boolean;
  naceCode: string;
}

type Template = (rng: Prng, org: Organisation, id: string) => EngineFlow;
type FlowFields = Omit<EngineFlow, 'id' | 'organizationId' | 'siteId' | 'territoryId' | 'latitude' | 'longitude' | 'organizationKind' | 'insertion' | 'naceCode' | 'currentDestination'>;

export class TerritoryGenerator {
  private readonly templates: WeightedPicker<Template>;
  private readonly zones: { latitude: number; longitude: number }[] = [];
  private organisations = 0;
  private readonly hazardous: Set<string>;

  constructor(private readonly kb: KnowledgeBase, private readonly rng: Prng) {
    const codes = listWasteCodes();
    const expand = (prefix: string): string[] => codes.filter((c) => c.code.startsWith(prefix)).slice(0, 4).map((c) => c.code);
    this.hazardous = new Set(codes.filter((c) => c.hazardous).map((c) => c.code));
    const list: Template[] = [];
    const weights: number[] = [];
    for (const p of kb.pathways) {
      const w = FAMILY_WEIGHT[p.family] ?? 1;
      if (p.kind === 'SUBSTITUTION' && p.output && p.input) {
        // The family's weight is shared between both sides in the ratio above.
        const ratio = INPUT_PER_OUTPUT[p.family] ?? DEFAULT_INPUT_PER_OUTPUT;
        list.push(this.template(p, p.output, 'OUTPUT', expand));
        weights.push(w / (1 + ratio));
        list.push(this.template(p, p.input, 'INPUT', expand));
        weights.push((w * ratio) / (1 + ratio));
      } else if (p.stream) {
        list.push(this.template(p, p.stream, p.stream.direction, expand));
        weights.push(w);
      }
    }
    const matched = weights.reduce((a, b) => a + b, 0);
    list.push((r, org, id) => this.noise(r, org, id));
    weights.push((matched * NOISE_SHARE) / (1 - NOISE_SHARE));
    this.templates = new WeightedPicker(list, weights);
    for (let z = 0; z < ZONES; z++) this.zones.push(this.uniformPoint());
  }

  /** `count` flows: organisations of 1 to 8 flows each, at one site. */
  territory(count: number): EngineFlow[] {
    const flows: EngineFlow[] = [];
    while (flows.length < count) {
      const org = this.organisation();
      const n = Math.min(count - flows.length, 1 + Math.floor(this.rng.logNormal(2, 0.8)));
      for (let k = 0; k < n; k++) flows.push(this.flowOf(org, `f${String(flows.length).padStart(7, '0')}`));
    }
    return flows;
  }

  /** A new flow of a new or an existing organisation (incremental updates). */
  flowOf(org: Organisation, id: string): EngineFlow {
    return this.templates.pick(this.rng)(this.rng, org, id);
  }

  organisation(): Organisation {
    const r = this.rng;
    const inZone = r.chance(0.65);
    const zone = r.pick(this.zones);
    const point = inZone ? offset(zone, r.normal() * 1.2, r.normal() * 1.2) : this.uniformPoint();
    const sse = r.chance(0.03);
    return {
      id: `org-${this.organisations++}`,
      ...point,
      kind: sse ? 'SSE' : r.chance(0.02) ? 'AUTHORITY' : 'COMPANY',
      insertion: sse && r.chance(0.7),
      naceCode: r.pick(['24.10', '23.63', '10.71', '16.10', '22.22', '38.32', '01.13', '46.90']),
    };
  }

  private template(p: Pathway, m: StreamMatcher, direction: 'OUTPUT' | 'INPUT', expand: (prefix: string) => string[]): Template {
    const codes = [...(m.ewcCodes ?? []), ...(m.ewcPrefixes ?? []).flatMap(expand)];
    const needs = (m.needCodes ?? []).map((c) => this.kb.needs.find((n) => n.code === c)).filter((n): n is NeedDefinition => Boolean(n));
    const words = [...(m.keywords ?? []), ...needs.flatMap((n) => n.keywords)];
    const category = m.categories?.[0] ?? (codes.length > 0 ? 'WASTE' : (needs[0]?.category ?? 'MATERIAL'));
    return (r, org, id) => {
      const code = codes.length > 0 && (words.length === 0 || r.chance(0.85)) ? r.pick(codes) : null;
      const need = direction === 'INPUT' && needs.length > 0 && (words.length === 0 || r.chance(0.85)) ? r.pick(needs) : null;
      const base = words.length > 0 ? r.pick(words) : p.labelFr;
      const temperature = this.temperature(r, p, m, need);
      return this.base(r, org, id, {
        direction,
        category,
        label: `${base.charAt(0).toUpperCase()}${base.slice(1)}${r.pick(LABEL_SUFFIXES)}`,
        ewcCode: code,
        hazardous: code !== null && this.hazardous.has(code),
        needCode: need?.code ?? null,
        temperatureC: temperature,
        physicalForm: m.physicalForms?.[0] ?? (category === 'ENERGY' || category === 'SERVICE' ? 'NOT_APPLICABLE' : category === 'WATER' ? 'LIQUID' : 'SOLID'),
        availableMonths: direction === 'INPUT' && category === 'ENERGY' && r.chance(0.3) ? [1, 2, 3, 4, 10, 11, 12] : null,
        ...this.quantity(r, p),
      });
    };
  }

  private temperature(r: Prng, p: Pathway, m: StreamMatcher, need: NeedDefinition | null): number | null {
    if (need?.temperatureC !== undefined) return r.chance(0.5) ? need.temperatureC : null;
    if (m.minTemperatureC !== undefined || m.maxTemperatureC !== undefined) {
      const min = m.minTemperatureC ?? (m.maxTemperatureC! - 40);
      const max = m.maxTemperatureC ?? min + 80;
      return Math.round(r.between(min, max));
    }
    return p.conditions.temperatureMarginC !== undefined ? Math.round(r.between(35, 160)) : null;
  }

  private quantity(r: Prng, p: Pathway): Pick<EngineFlow, 'unit' | 'yearlyQuantity' | 'yearlyCostEur'> {
    const median = p.unit === 'TONNE' ? (p.family === 'SLAG' ? 20_000 : 40) : p.unit === 'MEGAWATT_HOUR' ? 1_500 : p.unit === 'CUBIC_METRE' ? 5_000 : 300;
    const q = r.chance(0.1) ? null : Math.round(r.logNormal(median, 1.1) * 10) / 10 || 1;
    const typical = p.impact.typicalDisposalEurPerUnit ?? p.impact.typicalPurchaseEurPerUnit ?? 50;
    const cost = q !== null && r.chance(0.5) ? Math.round(q * typical * r.between(0.7, 1.3)) : null;
    if (q !== null && p.unit === 'TONNE' && r.chance(0.2)) return { unit: 'KILOGRAM', yearlyQuantity: q * 1000, yearlyCostEur: cost };
    if (q !== null && p.unit === 'MEGAWATT_HOUR' && r.chance(0.2)) return { unit: 'KILOWATT_HOUR', yearlyQuantity: q * 1000, yearlyCostEur: cost };
    return { unit: p.unit, yearlyQuantity: q, yearlyCostEur: cost };
  }

  private noise(r: Prng, org: Organisation, id: string): EngineFlow {
    return this.base(r, org, id, {
      direction: r.chance(0.5) ? 'OUTPUT' : 'INPUT',
      category: r.pick(['SKILL', 'SPACE', 'SERVICE', 'WASTE'] as const),
      label: r.pick(NOISE_LABELS),
      ewcCode: null,
      hazardous: false,
      needCode: null,
      temperatureC: null,
      physicalForm: null,
      availableMonths: null,
      unit: 'UNIT',
      yearlyQuantity: r.int(1, 50),
      yearlyCostEur: null,
    });
  }

  private base(r: Prng, org: Organisation, id: string, fields: FlowFields): EngineFlow {
    return flowLiteral({
      id,
      organizationId: org.id,
      siteId: `site-${org.id}`,
      territoryId: 'bench',
      latitude: org.latitude,
      longitude: org.longitude,
      organizationKind: org.kind,
      insertion: org.insertion,
      naceCode: org.naceCode,
      currentDestination: fields.direction === 'OUTPUT' ? r.pick(DESTINATIONS) : null,
      ...fields,
    });
  }

  private uniformPoint(): { latitude: number; longitude: number } {
    return offset(CENTRE, this.rng.between(-HALF_SIDE_KM, HALF_SIDE_KM), this.rng.between(-HALF_SIDE_KM, HALF_SIDE_KM));
  }
}

function offset(p: { latitude: number; longitude: number }, eastKm: number, northKm: number): { latitude: number; longitude: number } {
  return {
    latitude: p.latitude + northKm / KM_PER_DEGREE,
    longitude: p.longitude + eastKm / (KM_PER_DEGREE * Math.cos((p.latitude * Math.PI) / 180)),
  };
}

/**
 * A flow as a plain object literal with its fields in one order, as the database loader builds them: objects
 * made by spreading are much slower to read in V8 and would bias the measures.
 */
export function flowLiteral(f: EngineFlow): EngineFlow {
  return {
    id: f.id,
    organizationId: f.organizationId,
    siteId: f.siteId,
    territoryId: f.territoryId,
    direction: f.direction,
    category: f.category,
    label: f.label,
    ewcCode: f.ewcCode,
    hazardous: f.hazardous,
    needCode: f.needCode,
    yearlyQuantity: f.yearlyQuantity,
    unit: f.unit,
    physicalForm: f.physicalForm,
    temperatureC: f.temperatureC,
    availableMonths: f.availableMonths,
    currentDestination: f.currentDestination,
    yearlyCostEur: f.yearlyCostEur,
    latitude: f.latitude,
    longitude: f.longitude,
    organizationKind: f.organizationKind,
    insertion: f.insertion,
    naceCode: f.naceCode,
  };
}
