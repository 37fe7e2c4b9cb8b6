import { UNIT_SYMBOLS, type FlowUnit } from '../../flow/flow.enums.js';
import type { ActivitySectorEntry } from '../../nomenclature/activity-sectors.js';
import type { OrganizationKind } from '../../organization/organization.enums.js';
import type { Pathway } from '../knowledge/knowledge-base.types.js';
import { AnonymousCounterpartNode } from './synergy.types.js';

/** Distance bands wide enough not to locate a site by crossing two of them. */
const BANDS: [number, string][] = [
  [2, '< 2 km'],
  [5, '2–5 km'],
  [10, '5–10 km'],
  [25, '10–25 km'],
  [50, '25–50 km'],
  [100, '50–100 km'],
];

export function distanceBand(km: number): string {
  return BANDS.find(([max]) => km < max)?.[1] ?? '> 100 km';
}

export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 237 → 200, 0.0437 → 0.04: a magnitude, not a figure. */
export function roundSignificant(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  return Math.round(x / magnitude) * magnitude;
}

const KIND_FR: Record<string, string> = {
  COMPANY: 'une entreprise',
  AUTHORITY: 'une collectivité',
  SSE: "une structure de l'ESS",
  RESEARCH: 'un laboratoire',
  UNIVERSITY: 'un établissement d’enseignement',
  FACILITATOR: 'un animateur de territoire',
  OTHER: 'une organisation',
};
const KIND_EN: Record<string, string> = {
  COMPANY: 'a company',
  AUTHORITY: 'a local authority',
  SSE: 'a social-economy organisation',
  RESEARCH: 'a laboratory',
  UNIVERSITY: 'a school or university',
  FACILITATOR: 'a territory facilitator',
  OTHER: 'an organisation',
};

export interface CounterpartFacts {
  organizationKind: OrganizationKind;
  sector: ActivitySectorEntry | undefined;
  distanceKm: number | null;
  /** Null when its flow is PRIVATE: not even a magnitude is shown. */
  yearlyQuantity: number | null;
  unit: FlowUnit | null;
  direction: 'OUTPUT' | 'INPUT' | null;
  pathwayLabel: Pathway | undefined;
}

/** "Une entreprise (industrie manufacturière) à 2–5 km dispose d’environ 200 t/an — Laitier vers cimenterie". */
export function describeCounterpart(f: CounterpartFacts): AnonymousCounterpartNode {
  const band = f.distanceKm === null ? null : distanceBand(f.distanceKm);
  const approx = f.yearlyQuantity ? roundSignificant(f.yearlyQuantity, 1) : null;
  const unit = f.unit ? UNIT_SYMBOLS[f.unit] : null;
  const sectorFr = f.sector?.sectionLabelFr ?? null;
  const sectorEn = f.sector?.sectionLabelEn ?? null;
  const who = (kinds: Record<string, string>, sector: string | null) =>
    `${kinds[f.organizationKind] ?? kinds.OTHER}${sector ? ` (${sector.toLowerCase()})` : ''}`;
  const whatFr = f.pathwayLabel ? ` — ${f.pathwayLabel.labelFr}` : '';
  const whatEn = f.pathwayLabel ? ` — ${f.pathwayLabel.labelEn}` : '';
  const needs = f.direction === 'INPUT';
  const whatQtyFr = approx && unit ? `${needs ? 'a besoin' : 'dispose'} d’environ ${approx.toLocaleString('fr-FR')} ${unit}/an` : needs ? 'a ce besoin' : 'dispose de ce flux';
  const whatQtyEn = approx && unit ? `${needs ? 'needs' : 'has'} about ${approx.toLocaleString('en-GB')} ${unit}/yr` : needs ? 'has this need' : 'has this stream';
  return Object.assign(new AnonymousCounterpartNode(), {
    organizationKind: f.organizationKind,
    sectorFr,
    sectorEn,
    distanceBand: band,
    approximateYearlyQuantity: approx,
    unitSymbol: approx ? unit : null,
    descriptionFr: capitalise(`${who(KIND_FR, sectorFr)}${band ? ` à ${band}` : ''} ${whatQtyFr}${whatFr}`),
    descriptionEn: capitalise(`${who(KIND_EN, sectorEn)}${band ? ` ${band} away` : ''} ${whatQtyEn}${whatEn}`),
  });
}

const capitalise = (sentence: string): string => sentence.charAt(0).toUpperCase() + sentence.slice(1);
