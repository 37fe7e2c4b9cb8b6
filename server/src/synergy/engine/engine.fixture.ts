import { FlowUnit, PhysicalForm, ResourceCategory } from '../../vocabulary/flow.enums.js';
import type { KnowledgeBase, Pathway } from '../knowledge/knowledge-base.types.js';
import type { EngineFlow } from './engine.types.js';
import { neutralFlow, type FlowFields } from './neutral-flow.js';

/**
 * A small, hand-made knowledge base and territory helpers for the engine's tests and the benchmark's fallback:
 * the tests must not move when the real knowledge base evolves. Figures are plausible, not authoritative.
 */

const checks = (fr: string[], en: string[]): { checksFr: string[]; checksEn: string[] } => ({ checksFr: fr, checksEn: en });

const pathways: Pathway[] = [
  {
    id: 'slag-to-concrete',
    kind: 'SUBSTITUTION',
    family: 'SLAG',
    labelFr: 'Laitier sidérurgique en granulats pour béton',
    labelEn: 'Steel slag as concrete aggregate',
    descriptionFr: 'Le laitier remplace des granulats naturels.',
    descriptionEn: 'Slag replaces natural aggregates.',
    output: { ewcCodes: ['10 02 02'], ewcPrefixes: ['10 02'], keywords: ['laitier', 'slag'] },
    input: { needCodes: ['slag-aggregate'], keywords: ['granulat', 'aggregate'] },
    conditions: {
      hazardous: 'FORBIDDEN',
      ...checks(['Conformité à la norme NF EN 12620', 'Statut de sortie de déchet'], ['Compliance with EN 12620', 'End-of-waste status']),
    },
    route: 'RECYCLING',
    reachKm: 150,
    unit: FlowUnit.TONNE,
    impact: {
      indicator: 'MASS',
      avoidedProductionFactorId: 'virgin-aggregate',
      avoidedDisposalFactorId: 'landfill-inert',
      typicalDisposalEurPerUnit: 15,
      typicalPurchaseEurPerUnit: 20,
      jobsPer1000Units: 0.2,
      sourceIds: ['src-test'],
    },
    sourceIds: ['src-test'],
  },
  {
    id: 'heat-greenhouse',
    kind: 'SUBSTITUTION',
    family: 'HEAT',
    labelFr: 'Chaleur fatale pour serres',
    labelEn: 'Waste heat for greenhouses',
    descriptionFr: 'Chaleur fatale basse température vers une serre.',
    descriptionEn: 'Low-temperature waste heat to a greenhouse.',
    output: { categories: [ResourceCategory.ENERGY], keywords: ['chaleur', 'heat', 'vapeur'], minTemperatureC: 40 },
    input: { categories: [ResourceCategory.ENERGY], needCodes: ['greenhouse-heat'], keywords: ['chauffage', 'heating'] },
    conditions: { hazardous: 'FORBIDDEN', temperatureMarginC: 10, ...checks(['Profil horaire de la demande'], ['Hourly demand profile']) },
    reachKm: 5,
    unit: FlowUnit.MEGAWATT_HOUR,
    impact: { indicator: 'ENERGY', avoidedProductionFactorId: 'gas-boiler-heat', typicalPurchaseEurPerUnit: 60, jobsPer1000Units: 0.05, sourceIds: ['src-test'] },
    sourceIds: ['src-test'],
  },
  {
    id: 'cardboard-to-paper-mill',
    kind: 'SUBSTITUTION',
    family: 'PAPER',
    labelFr: 'Cartons vers papeterie',
    labelEn: 'Cardboard to a paper mill',
    descriptionFr: 'Les cartons deviennent de la pâte recyclée.',
    descriptionEn: 'Cardboard becomes recycled pulp.',
    output: { ewcCodes: ['15 01 01', '20 01 01'], keywords: ['carton', 'cardboard'] },
    input: { needCodes: ['recovered-cardboard'], keywords: ['carton', 'papier recycle'] },
    conditions: { hazardous: 'FORBIDDEN', ...checks(['Taux d’humidité et d’impuretés'], ['Moisture and impurity content']) },
    route: 'RECYCLING',
    reachKm: 80,
    unit: FlowUnit.TONNE,
    impact: {
      indicator: 'MASS',
      avoidedProductionFactorId: 'virgin-kraft',
      avoidedDisposalFactorId: 'landfill-mixed',
      typicalDisposalEurPerUnit: 90,
      typicalPurchaseEurPerUnit: 60,
      jobsPer1000Units: 1.5,
      sourceIds: ['src-test'],
    },
    sourceIds: ['src-test'],
  },
  {
    id: 'pool-cardboard-collection',
    kind: 'MUTUALISATION',
    family: 'PAPER',
    labelFr: 'Collecte mutualisée des cartons',
    labelEn: 'Pooled cardboard collection',
    descriptionFr: 'Une tournée commune pour les cartons des voisins.',
    descriptionEn: 'One round for the neighbours’ cardboard.',
    stream: { direction: 'OUTPUT', ewcCodes: ['15 01 01'], keywords: ['carton', 'cardboard'] },
    conditions: { hazardous: 'FORBIDDEN', ...checks(['Place pour un compacteur'], ['Room for a baler']) },
    reachKm: 15,
    unit: FlowUnit.TONNE,
    viabilityThreshold: 50,
    impact: { indicator: 'MASS', avoidedDisposalFactorId: 'landfill-mixed', typicalDisposalEurPerUnit: 90, jobsPer1000Units: 2, sourceIds: ['src-test'] },
    sourceIds: ['src-test'],
  },
  {
    id: 'waste-oil-regeneration',
    kind: 'SUBSTITUTION',
    family: 'SOLVENT_OIL',
    labelFr: 'Huiles usagées vers régénération',
    labelEn: 'Waste oil to regeneration',
    descriptionFr: 'Filière interdite aux flux dangereux (pour les tests).',
    descriptionEn: 'Pathway forbidding hazardous flows (for the tests).',
    output: { ewcCodes: ['13 02 05'], keywords: ['huile'] },
    input: { needCodes: ['base-oil'], keywords: ['huile de base'] },
    conditions: { hazardous: 'FORBIDDEN', ...checks([], []) },
    route: 'RECYCLING',
    reachKm: 200,
    unit: FlowUnit.TONNE,
    impact: { indicator: 'MASS', sourceIds: ['src-test'] },
    sourceIds: ['src-test'],
  },
  {
    id: 'solvent-regeneration',
    kind: 'SUBSTITUTION',
    family: 'SOLVENT_OIL',
    labelFr: 'Solvants usagés vers régénération',
    labelEn: 'Spent solvents to regeneration',
    descriptionFr: 'Distillation des solvants.',
    descriptionEn: 'Solvent distillation.',
    output: { ewcCodes: ['14 06 03'], keywords: ['solvant', 'solvent'] },
    input: { needCodes: ['solvent'], keywords: ['solvant', 'solvent'] },
    conditions: {
      hazardous: 'HANDLED',
      treatmentFr: 'Distillation',
      treatmentEn: 'Distillation',
      ...checks(['Pureté après distillation'], ['Purity after distillation']),
    },
    route: 'RECYCLING',
    reachKm: 100,
    unit: FlowUnit.TONNE,
    impact: { indicator: 'MASS', avoidedProductionFactorId: 'virgin-solvent', typicalPurchaseEurPerUnit: 900, sourceIds: ['src-test'] },
    sourceIds: ['src-test'],
  },
  {
    id: 'pallets-reuse',
    kind: 'SUBSTITUTION',
    family: 'WOOD',
    labelFr: 'Réemploi de palettes',
    labelEn: 'Pallet reuse',
    descriptionFr: 'Palettes réparées et réemployées.',
    descriptionEn: 'Pallets repaired and reused.',
    output: { ewcCodes: ['15 01 03'], keywords: ['palette', 'pallet'] },
    input: { needCodes: ['wood-pallets'], keywords: ['palette', 'pallet'] },
    conditions: { hazardous: 'FORBIDDEN', ...checks(['Format des palettes (EUR, 1000 × 1200)'], ['Pallet size (EUR, 1000 × 1200)']) },
    route: 'REUSE',
    reachKm: 50,
    unit: FlowUnit.UNIT,
    impact: { indicator: 'UNITS', avoidedProductionFactorId: 'new-pallet', typicalPurchaseEurPerUnit: 8, jobsPer1000Units: 0.5, sourceIds: ['src-test'] },
    sourceIds: ['src-test'],
  },
  {
    id: 'wood-waste-to-panels',
    kind: 'SUBSTITUTION',
    family: 'WOOD',
    labelFr: 'Déchets de bois vers panneaux',
    labelEn: 'Wood waste to particle board',
    descriptionFr: 'Sciures et chutes vers panneaux de particules.',
    descriptionEn: 'Sawdust and offcuts to particle board.',
    output: { ewcPrefixes: ['03 01'], keywords: ['sciure', 'copeaux', 'sawdust'], physicalForms: [PhysicalForm.SOLID, PhysicalForm.POWDER] },
    input: { needCodes: ['wood-chips'], keywords: ['copeaux', 'wood chips'] },
    conditions: { hazardous: 'FORBIDDEN', ...checks(['Absence de bois traité'], ['No treated wood']) },
    route: 'RECYCLING',
    reachKm: 100,
    unit: FlowUnit.TONNE,
    impact: { indicator: 'MASS', avoidedProductionFactorId: 'virgin-wood-chips', typicalDisposalEurPerUnit: 40, typicalPurchaseEurPerUnit: 50, sourceIds: ['src-test'] },
    sourceIds: ['src-test'],
  },
  {
    id: 'process-water-reuse',
    kind: 'SUBSTITUTION',
    family: 'WATER',
    labelFr: 'Réutilisation d’eau de process',
    labelEn: 'Process water reuse',
    descriptionFr: 'Eau de refroidissement réutilisée.',
    descriptionEn: 'Cooling water reused.',
    output: { categories: [ResourceCategory.WATER], keywords: ['eau', 'water'] },
    input: { categories: [ResourceCategory.WATER], needCodes: ['process-water'] },
    conditions: { hazardous: 'FORBIDDEN', ...checks(['Qualité physico-chimique'], ['Water quality']) },
    reachKm: 10,
    unit: FlowUnit.CUBIC_METRE,
    impact: { indicator: 'WATER', avoidedProductionFactorId: 'drinking-water', typicalPurchaseEurPerUnit: 3, sourceIds: ['src-test'] },
    sourceIds: ['src-test'],
  },
  {
    id: 'pool-electricity-purchase',
    kind: 'MUTUALISATION',
    family: 'PURCHASING',
    labelFr: 'Achat groupé d’électricité',
    labelEn: 'Group purchase of electricity',
    descriptionFr: 'Un appel d’offres commun.',
    descriptionEn: 'One joint tender.',
    stream: { direction: 'INPUT', categories: [ResourceCategory.ENERGY], needCodes: ['electricity-supply'], keywords: ['electricite', 'electricity'] },
    conditions: { hazardous: 'ALLOWED', ...checks(['Échéances des contrats en cours'], ['End dates of current contracts']) },
    reachKm: 20,
    unit: FlowUnit.MEGAWATT_HOUR,
    viabilityThreshold: 2000,
    impact: { indicator: 'SERVICE', typicalPurchaseEurPerUnit: 150, sourceIds: ['src-test'] },
    sourceIds: ['src-test'],
  },
];

const TEST_ENTRY = { databaseEntry: 'test fixture', vintage: '2026', derivation: 'ITEM' } as const;

export const FIXTURE_KB: KnowledgeBase = {
  version: '0.0.0-test',
  sources: [{ id: 'src-test', citation: 'Engine test fixture (plausible figures)', publisher: 'FE2I', year: 2026, kinds: ['EMISSION', 'COST', 'JOBS'] }],
  emissionFactors: [
    { id: 'virgin-aggregate', labelFr: 'Granulats naturels', labelEn: 'Natural aggregates', value: 4, low: 2.5, high: 6, unit: 'kgCO2e/t', sourceId: 'src-test', ...TEST_ENTRY },
    { id: 'landfill-inert', labelFr: 'Stockage inerte', labelEn: 'Inert landfill', value: 5, unit: 'kgCO2e/t', sourceId: 'src-test', ...TEST_ENTRY },
    { id: 'landfill-mixed', labelFr: 'Stockage DND', labelEn: 'Non-hazardous landfill', value: 400, low: 300, high: 600, unit: 'kgCO2e/t', sourceId: 'src-test', ...TEST_ENTRY },
    { id: 'virgin-kraft', labelFr: 'Papier kraft vierge', labelEn: 'Virgin kraft', value: 700, unit: 'kgCO2e/t', sourceId: 'src-test', ...TEST_ENTRY },
    { id: 'gas-boiler-heat', labelFr: 'Chaleur chaudière gaz', labelEn: 'Gas boiler heat', value: 227, unit: 'kgCO2e/MWh', sourceId: 'src-test', ...TEST_ENTRY },
    { id: 'virgin-solvent', labelFr: 'Solvant neuf', labelEn: 'Virgin solvent', value: 2000, unit: 'kgCO2e/t', sourceId: 'src-test', ...TEST_ENTRY },
    { id: 'new-pallet', labelFr: 'Palette neuve', labelEn: 'New pallet', value: 12, unit: 'kgCO2e/unit', sourceId: 'src-test', ...TEST_ENTRY },
    { id: 'virgin-wood-chips', labelFr: 'Plaquettes', labelEn: 'Wood chips', value: 60, unit: 'kgCO2e/t', sourceId: 'src-test', ...TEST_ENTRY },
    { id: 'drinking-water', labelFr: 'Eau potable', labelEn: 'Drinking water', value: 0.3, unit: 'kgCO2e/m3', sourceId: 'src-test', ...TEST_ENTRY },
    { id: 'road-freight-truck', labelFr: 'Poids lourd', labelEn: 'Heavy truck', value: 0.11, unit: 'kgCO2e/t.km', sourceId: 'src-test', ...TEST_ENTRY },
  ],
  needs: [
    { code: 'slag-aggregate', labelFr: 'Granulats de laitier', labelEn: 'Slag aggregate', category: ResourceCategory.MATERIAL, unit: FlowUnit.TONNE, keywords: ['granulat'] },
    { code: 'greenhouse-heat', labelFr: 'Chauffage de serre', labelEn: 'Greenhouse heating', category: ResourceCategory.ENERGY, unit: FlowUnit.MEGAWATT_HOUR, keywords: ['serre'], temperatureC: 60 },
    { code: 'recovered-cardboard', labelFr: 'Cartons à recycler', labelEn: 'Recovered cardboard', category: ResourceCategory.MATERIAL, unit: FlowUnit.TONNE, keywords: ['carton'] },
    { code: 'base-oil', labelFr: 'Huile de base', labelEn: 'Base oil', category: ResourceCategory.MATERIAL, unit: FlowUnit.TONNE, keywords: ['huile'] },
    { code: 'solvent', labelFr: 'Solvant', labelEn: 'Solvent', category: ResourceCategory.MATERIAL, unit: FlowUnit.TONNE, keywords: ['solvant'] },
    { code: 'wood-pallets', labelFr: 'Palettes bois', labelEn: 'Wooden pallets', category: ResourceCategory.MATERIAL, unit: FlowUnit.UNIT, keywords: ['palette'] },
    { code: 'wood-chips', labelFr: 'Copeaux de bois', labelEn: 'Wood chips', category: ResourceCategory.MATERIAL, unit: FlowUnit.TONNE, keywords: ['copeaux'] },
    { code: 'process-water', labelFr: 'Eau de process', labelEn: 'Process water', category: ResourceCategory.WATER, unit: FlowUnit.CUBIC_METRE, keywords: ['eau'] },
    { code: 'electricity-supply', labelFr: 'Électricité', labelEn: 'Electricity', category: ResourceCategory.ENERGY, unit: FlowUnit.MEGAWATT_HOUR, keywords: ['electricite'] },
  ],
  pathways,
};

/** Florange (Val de Fensch): the centre of the test territory. */
export const ORIGIN = { latitude: 49.3275, longitude: 6.1194 };

/** A point `eastKm` east and `northKm` north of the origin. */
export function at(eastKm: number, northKm: number): { latitude: number; longitude: number } {
  const kmPerDegree = (Math.PI * 6371.0088) / 180;
  return {
    latitude: ORIGIN.latitude + northKm / kmPerDegree,
    longitude: ORIGIN.longitude + eastKm / (kmPerDegree * Math.cos((ORIGIN.latitude * Math.PI) / 180)),
  };
}

/** A flow with neutral defaults, at the origin of the Val de Fensch; give what the test is about. */
export function flow(fields: FlowFields): EngineFlow {
  return neutralFlow(fields, { territoryId: 'val-de-fensch', ...ORIGIN });
}
