import { UNIT_SYMBOLS, type FlowUnit } from '../../vocabulary/flow.enums.js';
import type { ActivitySectorEntry } from '../../nomenclature/activity-sectors.js';
import type { OrganizationKind } from '../../vocabulary/organization.enums.js';
import type { Pathway } from '../knowledge/knowledge-base.types.js';
import { roundSignificant } from './magnitudes.js';
import { AnonymousCounterpartNode } from './synergy.types.js';

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
  /** Null when withheld (policy/counterpart-disclosure.ts): said "an organisation". */
  organizationKind: OrganizationKind | null;
  sector: ActivitySectorEntry | undefined;
  /** Already widened to what the viewer may read (policy/counterpart-disclosure.ts). */
  distanceBand: string | null;
  /** Null when its flow is PRIVATE: not even a magnitude is shown. */
  yearlyQuantity: number | null;
  unit: FlowUnit | null;
  direction: 'OUTPUT' | 'INPUT' | null;
  pathwayLabel: Pathway | undefined;
}

/** "Une entreprise (industrie manufacturière) à 2–5 km dispose d’environ 200 t/an — Laitier vers cimenterie". */
export function describeCounterpart(f: CounterpartFacts): AnonymousCounterpartNode {
  const band = f.distanceBand;
  const approx = f.yearlyQuantity ? roundSignificant(f.yearlyQuantity, 1) : null;
  const unit = f.unit ? UNIT_SYMBOLS[f.unit] : null;
  const sectorFr = f.sector?.sectionLabelFr ?? null;
  const sectorEn = f.sector?.sectionLabelEn ?? null;
  const who = (kinds: Record<string, string>, sector: string | null) =>
    `${kinds[f.organizationKind ?? 'OTHER'] ?? kinds.OTHER}${sector ? ` (${sector.toLowerCase()})` : ''}`;
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
