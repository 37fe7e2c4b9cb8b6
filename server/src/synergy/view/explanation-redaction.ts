import type { ExplanationItem } from '../engine/engine.types.js';
import type { Lang, MessageContext } from '../engine/explanation-messages.js';
import { distanceBand } from './magnitudes.js';

/**
 * What a party reads of an explanation before it may see the other side's figures (docs/THREAT_MODEL.md, rows
 * 17–18): every item of the engine's explanation goes through one rule, chosen per code.
 *
 * - `KEEP`: the parameters are knowledge-base facts (margins, reaches, checks) or say nothing of who or where.
 * - `OWN_SIDE`: whole when the item is about the viewer's own side, else a sentence that names no code, label or
 *   temperature of the other side.
 * - `DISTANCE`: the exact distance becomes the band the anonymous counterpart shows ("2–5 km").
 * - `GENERIC`: a sentence without the figures (they would describe the other side: its temperature, its months,
 *   the pooled volume that sums the others' quantities).
 * - `OWN_ONLY`: about one side's other suggestions; the viewer reads it for its own side only, and of the other
 *   side's not even that it exists (the item is left out: `redactItem` returns null).
 *
 * A code without a rule is withheld whole: a new kind of explanation item stays hidden until someone decides
 * what of it a party may read (a test lists the engine's codes against this table).
 */
export type RedactionRule = 'KEEP' | 'OWN_SIDE' | 'OWN_ONLY' | 'DISTANCE' | 'GENERIC';

export const REDACTION_RULES: Record<string, RedactionRule> = {
  EXACT_EWC: 'OWN_SIDE',
  EWC_FAMILY: 'OWN_SIDE',
  NEED_CODE: 'OWN_SIDE',
  TEMPERATURE_RANGE: 'OWN_SIDE',
  LABEL: 'OWN_SIDE',
  KEYWORD: 'OWN_SIDE',
  CATEGORY: 'OWN_SIDE',
  UNIT_MISMATCH: 'OWN_SIDE',
  CODE_WORDS_UNCONFIRMED: 'OWN_SIDE',
  SAME_KIND: 'KEEP',
  KIND_TO_CHECK: 'KEEP',
  TEMPERATURE_OK: 'GENERIC',
  TEMPERATURE_MARGIN: 'KEEP',
  TEMPERATURE_UNKNOWN: 'KEEP',
  SOURCE_TEMPERATURE_UNKNOWN: 'KEEP',
  WITHIN_REACH: 'DISTANCE',
  BEYOND_REACH: 'DISTANCE',
  GROUP_COMPACT: 'DISTANCE',
  SHARED_STREAM: 'KEEP',
  SHARED_NEED: 'KEEP',
  CORE_MEMBERS: 'GENERIC',
  POOLED_VOLUME: 'GENERIC',
  VIABLE_VOLUME: 'KEEP',
  BELOW_VIABILITY: 'GENERIC',
  PHYSICAL_FORM_OK: 'KEEP',
  PHYSICAL_FORM_DIFFERS: 'GENERIC',
  PHYSICAL_FORM_UNKNOWN: 'KEEP',
  NOT_HAZARDOUS: 'KEEP',
  HAZARD_ALLOWED: 'KEEP',
  HAZARD_HANDLING: 'KEEP',
  AVAILABILITY_FULL: 'KEEP',
  PARTIAL_AVAILABILITY: 'GENERIC',
  QUANTITY_UNKNOWN: 'KEEP',
  TREATMENT: 'KEEP',
  PATHWAY_CHECK: 'KEEP',
  ALSO_OFFERED: 'OWN_ONLY',
  JOINT_TENDER: 'KEEP',
  HEAT_PUMP_LIFT: 'GENERIC',
  SEASONAL_QUANTITY: 'GENERIC',
};

/** One item as a party may read it: the parameters it may see, and how to say it. */
export interface RedactedItem {
  code: string;
  params: ExplanationItem['params'];
  /** Null: the item is withheld from the sentences. */
  sentence: ((c: MessageContext) => string) | null;
}

/** The sides of the explanation that are the viewer's own ('output', 'input', or 'members' for a pool). */
export type OwnSides = ReadonlySet<string>;

export function redactItem(
  item: ExplanationItem,
  ownSides: OwnSides,
  whole: (item: ExplanationItem) => (c: MessageContext) => string,
  /** The distance ladder of the synergy's anonymous counterparts (policy/counterpart-disclosure.ts). */
  bandLevel = 0,
): RedactedItem | null {
  const rule = REDACTION_RULES[item.code];
  const kept = { code: item.code, params: item.params, sentence: whole(item) };
  switch (rule) {
    case 'KEEP':
      return kept;
    case 'OWN_SIDE':
      // A pool's "members" items list every member's codes: the viewer's own are among them, the others' are not its to read.
      return ownSides.has(String(item.params.side)) && item.params.side !== 'members' ? kept : otherSide(item);
    case 'OWN_ONLY':
      return ownSides.has(String(item.params.side)) ? kept : null;
    case 'DISTANCE': {
      const banded = bandDistances(item.params, bandLevel);
      // Widened past the last band: the distance is not told at all.
      if (banded.distanceKm === null || banded.maxDistanceKm === null) return { code: item.code, params: {}, sentence: null };
      return { code: item.code, params: banded, sentence: (c) => DISTANCE_SENTENCES[item.code]?.[c.lang](banded, c) ?? '' };
    }
    case 'GENERIC': {
      const params = Object.fromEntries(Object.entries(item.params).filter(([key]) => PUBLIC_PARAMS.has(key)));
      const generic = GENERIC_SENTENCES[item.code];
      return { code: item.code, params, sentence: generic ? (c) => generic[c.lang](params, c) : null };
    }
    default:
      return { code: item.code, params: {}, sentence: null };
  }
}

/** Parameters that come from the knowledge base, whoever the parties are. */
const PUBLIC_PARAMS = new Set(['pathwayId', 'marginC', 'reachKm', 'threshold', 'unit', 'pathwayUnit', 'side']);

function bandDistances(params: ExplanationItem['params'], bandLevel: number): ExplanationItem['params'] {
  const out: ExplanationItem['params'] = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === 'distanceKm' || key === 'maxDistanceKm') out[key] = typeof value === 'number' ? distanceBand(value, bandLevel) : null;
    else if (PUBLIC_PARAMS.has(key)) out[key] = value;
  }
  return out;
}

function otherSide(item: ExplanationItem): RedactedItem {
  const side = String(item.params.side);
  const params = { side };
  const how = RECOGNISED_BY[item.code];
  return {
    code: item.code,
    params,
    sentence: (c) => {
      const who = OTHER_SIDE[c.lang][side] ?? OTHER_SIDE[c.lang].output;
      if (item.code === 'UNIT_MISMATCH') {
        return c.lang === 'fr'
          ? `${who} est déclaré dans une autre unité que celle de la filière : quantité à convertir.`
          : `${who} is declared in another unit than the pathway's: quantity to convert.`;
      }
      return `${who} ${how?.[c.lang] ?? (c.lang === 'fr' ? 'correspond à la filière' : 'fits the pathway')}.`;
    },
  };
}

const OTHER_SIDE: Record<Lang, Record<string, string>> = {
  fr: { output: "Le gisement de l'autre partie", input: "Le besoin de l'autre partie", members: 'Les flux des autres membres' },
  en: { output: "The other party's output", input: "The other party's input", members: "The other members' flows" },
};

const RECOGNISED_BY: Record<string, Record<Lang, string>> = {
  EXACT_EWC: { fr: 'porte un code déchet attendu par la filière', en: 'has a waste code the pathway expects' },
  EWC_FAMILY: { fr: 'appartient à une famille de codes déchet de la filière', en: "belongs to a waste code family of the pathway" },
  NEED_CODE: { fr: 'a été déclaré comme un besoin couvert par la filière', en: 'was declared as a need the pathway covers' },
  TEMPERATURE_RANGE: { fr: 'est une énergie dans la plage de température de la filière', en: "is energy within the pathway's temperature range" },
  LABEL: { fr: 'est reconnu par son libellé', en: 'is recognised from its label' },
  KEYWORD: { fr: 'est reconnu par son libellé', en: 'is recognised from its label' },
  CATEGORY: { fr: 'relève d’une catégorie de la filière', en: "is in one of the pathway's categories" },
  CODE_WORDS_UNCONFIRMED: {
    fr: 'porte un code de la filière, mais son libellé ne nomme aucune des matières attendues : à vérifier',
    en: "has a code of the pathway, but its label names none of the materials expected: to check",
  },
};

type Sentence = (p: ExplanationItem['params'], c: MessageContext) => string;

const DISTANCE_SENTENCES: Record<string, Record<Lang, Sentence>> = {
  WITHIN_REACH: {
    fr: (p, c) => `Distance : ${p.distanceKm}, dans le rayon pertinent de ${c.num(p.reachKm)} km.`,
    en: (p, c) => `Distance: ${p.distanceKm}, within the sensible reach of ${c.num(p.reachKm)} km.`,
  },
  BEYOND_REACH: {
    fr: (p, c) => `Distance : ${p.distanceKm}, légèrement au-delà du rayon habituel de ${c.num(p.reachKm)} km : vérifier le coût du transport ou du raccordement.`,
    en: (p, c) => `Distance: ${p.distanceKm}, slightly beyond the usual reach of ${c.num(p.reachKm)} km: check the cost of transport or connection.`,
  },
  GROUP_COMPACT: {
    fr: (p) => `Groupe compact : chaque membre est à ${p.maxDistanceKm} au plus du centre du groupe.`,
    en: (p) => `Compact group: every member is at most ${p.maxDistanceKm} from the group's centre.`,
  },
};

const GENERIC_SENTENCES: Record<string, Record<Lang, Sentence>> = {
  TEMPERATURE_OK: {
    fr: (p, c) => `La chaleur disponible dépasse la température requise avec la marge voulue (${c.num(p.marginC)} °C).`,
    en: (p, c) => `The heat available exceeds the temperature required by the margin needed (${c.num(p.marginC)} °C).`,
  },
  CORE_MEMBERS: {
    fr: () => 'Des membres relèvent des activités pour lesquelles la mutualisation est prévue.',
    en: () => 'Members are in the activities the pooling is meant for.',
  },
  POOLED_VOLUME: {
    fr: (p, c) => (p.threshold == null ? 'Volume mutualisé estimé à partir des déclarations des membres.' : `Seuil de viabilité de la filière : ${c.num(p.threshold)} ${c.unit(p.unit)} par an.`),
    en: (p, c) => (p.threshold == null ? "Pooled volume estimated from the members' declarations." : `The pathway's viability threshold: ${c.num(p.threshold)} ${c.unit(p.unit)} a year.`),
  },
  BELOW_VIABILITY: {
    fr: (p, c) => `Le volume mutualisé reste sous le seuil de viabilité (${c.num(p.threshold)} ${c.unit(p.unit)} par an) : d'autres membres sont à trouver.`,
    en: (p, c) => `The pooled volume stays below the viability threshold (${c.num(p.threshold)} ${c.unit(p.unit)} a year): more members are needed.`,
  },
  PHYSICAL_FORM_DIFFERS: {
    fr: () => 'Forme physique différente entre les deux côtés : une préparation peut être nécessaire.',
    en: () => 'The two sides differ in physical form: some preparation may be needed.',
  },
  PARTIAL_AVAILABILITY: {
    fr: () => 'Disponibilité partielle : le gisement ne couvre pas tous les mois du besoin.',
    en: () => 'Partial availability: the output does not cover every month of the need.',
  },
  HEAT_PUMP_LIFT: {
    fr: () => 'La source est trop froide pour un échange direct : une pompe à chaleur relève la température (COP estimé dans les impacts).',
    en: () => 'The source is too cold for direct exchange: a heat pump lifts the temperature (COP estimated in the impacts).',
  },
  // The seasonal quantity is the smaller side prorated to the shared months: it would tell the other side's quantity and months.
  SEASONAL_QUANTITY: {
    fr: () => "La chaleur n'est échangeable que sur les mois communs aux deux parties : la quantité retenue est réduite d'autant.",
    en: () => 'Heat can only be exchanged over the months both parties share: the quantity counted is reduced accordingly.',
  },
};
