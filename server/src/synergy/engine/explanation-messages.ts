import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import type { ExplanationItem } from './engine.types.js';

/**
 * French and English sentences for the codes of an explanation. The UI may use its own i18n files with the same
 * codes and parameters; these are the reference wording, and what the API gives integrators in plain text.
 */

export type Lang = 'fr' | 'en';
type Params = ExplanationItem['params'];
export interface MessageContext {
  lang: Lang;
  kb: KnowledgeBase;
  num: (n: unknown, digits?: number) => string;
  unit: (u: unknown) => string;
}
type Message = (p: Params, c: MessageContext) => string;

const UNITS: Record<Lang, Record<string, string>> = {
  fr: { TONNE: 't', KILOGRAM: 'kg', CUBIC_METRE: 'm³', LITRE: 'L', MEGAWATT_HOUR: 'MWh', KILOWATT_HOUR: 'kWh', UNIT: 'unités', HOUR: 'h', SQUARE_METRE: 'm²' },
  en: { TONNE: 't', KILOGRAM: 'kg', CUBIC_METRE: 'm³', LITRE: 'L', MEGAWATT_HOUR: 'MWh', KILOWATT_HOUR: 'kWh', UNIT: 'units', HOUR: 'h', SQUARE_METRE: 'm²' },
};
const FORMS: Record<Lang, Record<string, string>> = {
  fr: { SOLID: 'solide', POWDER: 'pulvérulent', LIQUID: 'liquide', SLUDGE: 'boue', GAS: 'gaz', NOT_APPLICABLE: 'sans objet' },
  en: { SOLID: 'solid', POWDER: 'powder', LIQUID: 'liquid', SLUDGE: 'sludge', GAS: 'gas', NOT_APPLICABLE: 'not applicable' },
};
const CATEGORIES: Record<Lang, Record<string, string>> = {
  fr: { MATERIAL: 'matière', WASTE: 'déchet', ENERGY: 'énergie', WATER: 'eau', EQUIPMENT: 'équipement', SERVICE: 'service', SKILL: 'compétence', SPACE: 'espace', LOGISTICS: 'logistique' },
  en: { MATERIAL: 'material', WASTE: 'waste', ENERGY: 'energy', WATER: 'water', EQUIPMENT: 'equipment', SERVICE: 'service', SKILL: 'skill', SPACE: 'space', LOGISTICS: 'logistics' },
};
const SIDES: Record<Lang, Record<string, string>> = {
  fr: { output: 'Le gisement', input: 'Le besoin', members: 'Les flux des membres', both: 'les deux côtés' },
  en: { output: 'The output', input: 'The input', members: "The members' flows", both: 'both sides' },
};

export const unitLabel = (lang: Lang, unit: unknown): string => UNITS[lang][String(unit)] ?? String(unit);
const side = (c: MessageContext, p: Params): string => SIDES[c.lang][String(p.side)] ?? String(p.side);
/** A source temperature range: "between 25 and 60 °C", "at least 150 °C", "at most 30 °C". */
const range = (c: MessageContext, p: Params): string => {
  const fr = c.lang === 'fr';
  if (p.minC !== null && p.minC !== undefined && p.maxC !== null && p.maxC !== undefined) {
    return fr ? `entre ${c.num(p.minC)} et ${c.num(p.maxC)} °C` : `between ${c.num(p.minC)} and ${c.num(p.maxC)} °C`;
  }
  if (p.minC !== null && p.minC !== undefined) return fr ? `d'au moins ${c.num(p.minC)} °C` : `at least ${c.num(p.minC)} °C`;
  return fr ? `d'au plus ${c.num(p.maxC)} °C` : `at most ${c.num(p.maxC)} °C`;
};
const plural = (p: Params): boolean => p.side === 'members' && String(p.detail).includes(', ');
/** French verb agreeing with the side: "Le gisement porte", "Les flux des membres portent". */
const verb = (p: Params, singular: string, pluralForm: string): string => (p.side === 'members' ? pluralForm : singular);
const count = (c: MessageContext, p: Params): string =>
  typeof p.count === 'number' && p.count > 1 ? (c.lang === 'fr' ? ` (${p.count} flux)` : ` (${p.count} flows)`) : '';

function needLabel(c: MessageContext, code: unknown): string {
  const need = c.kb.needs.find((n) => n.code === code);
  return need ? (c.lang === 'fr' ? need.labelFr : need.labelEn) : String(code);
}

/** The labels of one need code, or of several joined by ", " (members recognised by different needs). */
function needLabels(c: MessageContext, codes: unknown): string {
  return String(codes).split(', ').map((code) => needLabel(c, code)).join(c.lang === 'fr' ? ' », « ' : '", "');
}

function kindLabel(c: MessageContext, p: Params): string {
  const kind = c.kb.pathways.find((x) => x.id === p.pathwayId)?.kinds?.find((k) => k.id === p.kind);
  return kind ? (c.lang === 'fr' ? kind.labelFr : kind.labelEn) : String(p.kind);
}

/** The pathway's conditions, or those of the variant its output called for (`variant`, see OutputConditions). */
function conditionsOf(c: MessageContext, p: Params) {
  const conditions = c.kb.pathways.find((x) => x.id === p.pathwayId)?.conditions;
  return typeof p.variant === 'number' ? conditions?.byOutput?.[p.variant] : conditions;
}

function pathwayCheck(c: MessageContext, p: Params): string {
  const conditions = conditionsOf(c, p);
  const checks = c.lang === 'fr' ? conditions?.checksFr : conditions?.checksEn;
  return checks?.[Number(p.index)] ?? String(p.pathwayId);
}

function treatment(c: MessageContext, p: Params): string {
  const conditions = conditionsOf(c, p);
  return (c.lang === 'fr' ? conditions?.treatmentFr : conditions?.treatmentEn) ?? '';
}

export const MESSAGES: Record<string, Record<Lang, Message>> = {
  EXACT_EWC: {
    fr: (p, c) =>
      plural(p)
        ? `${side(c, p)} portent exactement les codes déchet ${p.detail} attendus par la filière${count(c, p)}.`
        : `${side(c, p)} ${verb(p, 'porte', 'portent')} exactement le code déchet ${p.detail} attendu par la filière${count(c, p)}.`,
    en: (p, c) =>
      plural(p)
        ? `${side(c, p)} have exactly the waste codes ${p.detail} the pathway expects${count(c, p)}.`
        : `${side(c, p)} ${verb(p, 'has', 'have')} exactly the waste code ${p.detail} the pathway expects${count(c, p)}.`,
  },
  EWC_FAMILY: {
    fr: (p, c) => `${side(c, p)} ${verb(p, 'appartient', 'appartiennent')} à la famille de codes déchet ${p.detail} de la filière${count(c, p)}.`,
    en: (p, c) => `${side(c, p)} ${verb(p, 'belongs', 'belong')} to the pathway's waste code family ${p.detail}${count(c, p)}.`,
  },
  NEED_CODE: {
    fr: (p, c) => `${side(c, p)} ${verb(p, 'a été déclaré', 'ont été déclarés')} comme « ${needLabels(c, p.detail)} », besoin couvert par la filière${count(c, p)}.`,
    en: (p, c) => `${side(c, p)} ${verb(p, 'was', 'were')} declared as "${needLabels(c, p.detail)}", a need the pathway covers${count(c, p)}.`,
  },
  TEMPERATURE_RANGE: {
    fr: (p, c) => `${side(c, p)} ${verb(p, 'est une énergie qualifiée', 'sont des énergies qualifiées')} par sa température (${p.detail} °C), dans la plage de la filière${count(c, p)}.`,
    en: (p, c) => `${side(c, p)} ${verb(p, 'is energy qualified', 'are energy qualified')} by its temperature (${p.detail} °C), within the pathway's range${count(c, p)}.`,
  },
  LABEL: {
    fr: (p, c) => `${side(c, p)} ${verb(p, 'est reconnu', 'sont reconnus')} par son libellé (« ${p.detail} »), la filière ne nommant ce flux par aucun code${count(c, p)}.`,
    en: (p, c) => `${side(c, p)} ${verb(p, 'is', 'are')} recognised from its label ("${p.detail}"), the pathway naming this stream by no code${count(c, p)}.`,
  },
  KEYWORD: {
    fr: (p, c) => `${side(c, p)} ${verb(p, 'est reconnu', 'sont reconnus')} par son libellé (« ${p.detail} »), sans code déclaré${count(c, p)}.`,
    en: (p, c) => `${side(c, p)} ${verb(p, 'is', 'are')} recognised from its label ("${p.detail}"), no code declared${count(c, p)}.`,
  },
  CODE_WORDS_UNCONFIRMED: {
    fr: (p, c) => `${side(c, p)} est reconnu par son code (${p.detail}), mais son libellé ne nomme aucune des matières que la filière attend sous ce code : vérifier que c'est bien l'une d'elles.`,
    en: (p, c) => `${side(c, p)} is recognised by its code (${p.detail}), but its label names none of the materials the pathway expects under this code: check that it is one of them.`,
  },
  SAME_KIND: {
    fr: (p, c) => `L'offre et le besoin portent sur le même type : ${kindLabel(c, p)}.`,
    en: (p, c) => `The offer and the need are of the same kind: ${kindLabel(c, p)}.`,
  },
  KIND_TO_CHECK: {
    fr: (p) =>
      `${p.side === 'both' ? 'Aucun des deux libellés ne dit' : p.side === 'input' ? 'Le libellé du besoin ne dit pas' : 'Le libellé du gisement ne dit pas'} de quel type il s'agit : vérifier que l'offre correspond au besoin.`,
    en: (p) =>
      `${p.side === 'both' ? 'Neither label says' : p.side === 'input' ? "The input's label does not say" : "The output's label does not say"} what kind of item it is: check that the offer fits the need.`,
  },
  BEYOND_REACH: {
    fr: (p, c) => `Distance : ${c.num(p.distanceKm, 1)} km, légèrement au-delà du rayon habituel de ${c.num(p.reachKm)} km : vérifier le coût du transport ou du raccordement.`,
    en: (p, c) => `Distance: ${c.num(p.distanceKm, 1)} km, slightly beyond the usual reach of ${c.num(p.reachKm)} km: check the cost of transport or connection.`,
  },
  CORE_MEMBERS: {
    fr: (p, c) => `${c.num(p.organizations)} membres relèvent des activités pour lesquelles la mutualisation est prévue (NACE ${p.naceCodes}).`,
    en: (p, c) => `${c.num(p.organizations)} members are in the activities the pooling is meant for (NACE ${p.naceCodes}).`,
  },
  CATEGORY: {
    fr: (p, c) => `${side(c, p)} relève de la catégorie ${CATEGORIES.fr[String(p.detail)] ?? p.detail} de la filière${count(c, p)}.`,
    en: (p, c) => `${side(c, p)} is in the pathway's category ${CATEGORIES.en[String(p.detail)] ?? p.detail}${count(c, p)}.`,
  },
  TEMPERATURE_OK: {
    fr: (p, c) => `La chaleur disponible (${c.num(p.outputC)} °C) dépasse la température requise (${c.num(p.requiredC)} °C) d'au moins ${c.num(p.marginC)} °C.`,
    en: (p, c) => `The heat available (${c.num(p.outputC)} °C) exceeds the temperature required (${c.num(p.requiredC)} °C) by at least ${c.num(p.marginC)} °C.`,
  },
  TEMPERATURE_MARGIN: {
    fr: (p, c) => `Marge de température respectée (${c.num(p.marginC)} °C).`,
    en: (p, c) => `Temperature margin respected (${c.num(p.marginC)} °C).`,
  },
  WITHIN_REACH: {
    fr: (p, c) => `Distance : ${c.num(p.distanceKm, 1)} km, dans le rayon pertinent de ${c.num(p.reachKm)} km.`,
    en: (p, c) => `Distance: ${c.num(p.distanceKm, 1)} km, within the sensible reach of ${c.num(p.reachKm)} km.`,
  },
  SHARED_STREAM: {
    fr: (p, c) => `${c.num(p.organizations)} structures proches produisent le même flux (${c.num(p.members)} flux) : collecte ou traitement mutualisé.`,
    en: (p, c) => `${c.num(p.organizations)} nearby organisations produce the same stream (${c.num(p.members)} flows): pooled collection or treatment.`,
  },
  SHARED_NEED: {
    fr: (p, c) => `${c.num(p.organizations)} structures proches ont le même besoin (${c.num(p.members)} flux) : achat groupé, équipement ou service partagé.`,
    en: (p, c) => `${c.num(p.organizations)} nearby organisations have the same need (${c.num(p.members)} flows): group purchase, shared equipment or service.`,
  },
  POOLED_VOLUME: {
    fr: (p, c) => p.quantity === null ? 'Volume mutualisé inconnu.' : `Volume mutualisé : ${c.num(p.quantity)} ${c.unit(p.unit)} par an${p.threshold === null ? '' : ` (seuil de viabilité : ${c.num(p.threshold)} ${c.unit(p.unit)})`}.`,
    en: (p, c) => p.quantity === null ? 'Pooled volume unknown.' : `Pooled volume: ${c.num(p.quantity)} ${c.unit(p.unit)} a year${p.threshold === null ? '' : ` (viability threshold: ${c.num(p.threshold)} ${c.unit(p.unit)})`}.`,
  },
  VIABLE_VOLUME: {
    fr: () => 'Le volume mutualisé atteint le seuil de viabilité.',
    en: () => 'The pooled volume reaches the viability threshold.',
  },
  BELOW_VIABILITY: {
    fr: (p, c) => `Il manque ${c.num(p.missing)} ${c.unit(p.unit)} par an pour atteindre le seuil de viabilité (${c.num(p.threshold)} ${c.unit(p.unit)}) : d'autres membres sont à trouver.`,
    en: (p, c) => `${c.num(p.missing)} ${c.unit(p.unit)} a year are missing to reach the viability threshold (${c.num(p.threshold)} ${c.unit(p.unit)}): more members are needed.`,
  },
  GROUP_COMPACT: {
    fr: (p, c) => `Groupe compact : chaque membre est à moins de ${c.num(p.maxDistanceKm, 1)} km du centre du groupe.`,
    en: (p, c) => `Compact group: every member is within ${c.num(p.maxDistanceKm, 1)} km of the group's centre.`,
  },
  PHYSICAL_FORM_OK: {
    fr: (p) => `Forme physique compatible (${FORMS.fr[String(p.form)] ?? p.form}).`,
    en: (p) => `Compatible physical form (${FORMS.en[String(p.form)] ?? p.form}).`,
  },
  PHYSICAL_FORM_DIFFERS: {
    fr: (p) => `Forme physique différente : ${FORMS.fr[String(p.output)] ?? p.output} produit, ${FORMS.fr[String(p.input)] ?? p.input} utilisé ; une préparation peut être nécessaire.`,
    en: (p) => `Different physical form: ${FORMS.en[String(p.output)] ?? p.output} produced, ${FORMS.en[String(p.input)] ?? p.input} used; some preparation may be needed.`,
  },
  PHYSICAL_FORM_UNKNOWN: {
    fr: (p) => `Forme physique du gisement non déclarée (attendue : ${String(p.expected).split(', ').map((f) => FORMS.fr[f] ?? f).join(', ')}).`,
    en: (p) => `Physical form of the output not declared (expected: ${String(p.expected).split(', ').map((f) => FORMS.en[f] ?? f).join(', ')}).`,
  },
  NOT_HAZARDOUS: { fr: () => 'Flux non dangereux.', en: () => 'Non-hazardous stream.' },
  HAZARD_ALLOWED: {
    fr: () => 'Flux dangereux, accepté par cette filière.',
    en: () => 'Hazardous stream, accepted by this pathway.',
  },
  HAZARD_HANDLING: {
    fr: () => 'Flux dangereux : vérifier les conditions de manipulation, de transport et les autorisations (ICPE, bordereau de suivi).',
    en: () => 'Hazardous stream: check handling, transport conditions and permits (waste tracking slip).',
  },
  AVAILABILITY_FULL: {
    fr: () => "Le gisement est disponible pendant toute la période du besoin.",
    en: () => 'The output is available throughout the period of the need.',
  },
  PARTIAL_AVAILABILITY: {
    fr: (p, c) => `Disponibilité partielle : ${c.num(p.monthsCovered)} mois sur les ${c.num(p.monthsNeeded)} du besoin.`,
    en: (p, c) => `Partial availability: ${c.num(p.monthsCovered)} of the ${c.num(p.monthsNeeded)} months of the need.`,
  },
  SOURCE_TEMPERATURE_UNKNOWN: {
    fr: (p, c) => `Température de la source non déclarée : vérifier qu'elle est ${range(c, p)}.`,
    en: (p, c) => `Temperature of the source not declared: check that it is ${range(c, p)}.`,
  },
  TEMPERATURE_UNKNOWN: {
    fr: (p, c) => `Température non déclarée (${side(c, p).toLowerCase()}) : vérifier que la source dépasse le besoin d'au moins ${c.num(p.marginC)} °C.`,
    en: (p, c) => `Temperature not declared (${side(c, p).toLowerCase()}): check that the source exceeds the need by at least ${c.num(p.marginC)} °C.`,
  },
  QUANTITY_UNKNOWN: {
    fr: (p, c) => `Quantité non déclarée (${side(c, p).toLowerCase()}${count(c, p)}) : la couverture reste à estimer.`,
    en: (p, c) => `Quantity not declared (${side(c, p).toLowerCase()}${count(c, p)}): the coverage remains to be estimated.`,
  },
  UNIT_MISMATCH: {
    fr: (p, c) => `${side(c, p)} est déclaré en ${c.unit(p.unit)}, la filière compte en ${c.unit(p.pathwayUnit)} : quantité à convertir.`,
    en: (p, c) => `${side(c, p)} is declared in ${c.unit(p.unit)}, the pathway counts in ${c.unit(p.pathwayUnit)}: quantity to convert.`,
  },
  TREATMENT: {
    fr: (p, c) => `Traitement nécessaire : ${treatment(c, p)}`,
    en: (p, c) => `Treatment needed: ${treatment(c, p)}`,
  },
  PATHWAY_CHECK: { fr: (p, c) => pathwayCheck(c, p), en: (p, c) => pathwayCheck(c, p) },
  JOINT_TENDER: {
    fr: () =>
      "Tous les membres déclarent ce flux déjà recyclé ou réemployé : le groupement ne détourne rien, c'est un appel d'offres commun (prix de reprise, un seul contrat) à comparer aux contrats en cours.",
    en: () =>
      'Every member declares this stream already recycled or reused: the pool diverts nothing; it is a joint tender (buy-back price, one contract) to compare with the current contracts.',
  },
  HEAT_PUMP_LIFT: {
    fr: (p, c) =>
      `Source à ${c.num(p.outputC)} °C, trop froide pour un échange direct vers ${c.num(p.requiredC)} °C : la pompe à chaleur relève la température (COP selon la relève, estimé dans les impacts).`,
    en: (p, c) =>
      `Source at ${c.num(p.outputC)} °C, too cold for direct exchange to ${c.num(p.requiredC)} °C: the heat pump lifts the temperature (COP set by the lift, estimated in the impacts).`,
  },
  SEASONAL_QUANTITY: {
    fr: (p, c) =>
      `Sur les ${c.num(p.monthsShared)} mois communs, environ ${c.num(p.quantity)} ${c.unit(p.unit)} sont échangeables par an : c'est la quantité retenue pour les impacts.`,
    en: (p, c) =>
      `Over the ${c.num(p.monthsShared)} shared months, about ${c.num(p.quantity)} ${c.unit(p.unit)} a year can be exchanged: the quantity the impacts count.`,
  },
  /** Added by the API's view (synergy/view/flow-commitments.ts), not by the engine: it depends on the other suggestions. */
  ALSO_OFFERED: {
    fr: (p, c) =>
      p.side === 'input'
        ? `Ce besoin figure aussi dans ${c.num(p.others)} autre(s) suggestion(s) : ensemble, elles en couvriraient ${Math.round(Number(p.share) * 100)} % ; les comparer avant de s'engager.`
        : `Ce gisement est aussi proposé dans ${c.num(p.others)} autre(s) suggestion(s) : ensemble, elles en demanderaient ${Math.round(Number(p.share) * 100)} % ; choisir avant de s'engager.`,
    en: (p, c) =>
      p.side === 'input'
        ? `This need is also in ${c.num(p.others)} other suggestion(s): together they would cover ${Math.round(Number(p.share) * 100)} % of it; compare them before committing.`
        : `This output is also offered in ${c.num(p.others)} other suggestion(s): together they would take ${Math.round(Number(p.share) * 100)} % of it; choose before committing.`,
  },
};

/** A sentence for an item whose code has no message: the code and its parameters, never nothing. */
export function fallbackMessage(entry: ExplanationItem): string {
  const params = Object.entries(entry.params).map(([k, v]) => `${k}=${v}`).join(', ');
  return params ? `${entry.code} (${params})` : entry.code;
}
