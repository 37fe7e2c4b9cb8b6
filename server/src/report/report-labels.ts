import type { ReportLanguage } from './territory-report.model.js';

/** The report's words, French first. A code the report does not know is shown as it is. */
const LABELS = {
  FR: {
    title: 'Rapport du territoire',
    generatedOn: 'Établi le',
    intro:
      "Indicateurs des synergies d'écologie industrielle du territoire, par étape. Les totaux comptent chaque tonne, MWh ou euro une seule fois : les suggestions concurrentes pour une même source ou un même besoin sont réparties, pas additionnées. Le potentiel brut, qui les additionne, est donné à titre indicatif.",
    stages: 'Indicateurs par étape',
    stage: 'Étape',
    indicator: 'Indicateur',
    unit: 'Unité',
    low: 'Bas',
    central: 'Central',
    high: 'Haut',
    once: 'comptés une fois',
    expected: 'attendus (× probabilité de réalisation à cette étape)',
    gross: 'potentiel brut (non additionnable)',
    synergyCount: 'synergies',
    synergies: 'Synergies',
    synergiesShown: 'premières affichées',
    kind: 'Type',
    status: 'Statut',
    score: 'Score',
    parties: 'Parties',
    impacts: 'Impacts estimés (central)',
    projects: 'Projets',
    project: 'Projet',
    none: 'Aucun.',
    method: 'Méthode et sources',
    methodText:
      "Chaque impact est estimé par une formule et des facteurs cités (docs/impact-method.md) ; bas, central et haut encadrent l'incertitude. Chaque flux n'est compté qu'une fois. Les chiffres d'une synergie sont ce qu'elle donne si elle se fait, sur la part attendue des quantités appariées (85 %, de 70 % pour le bas à 100 % pour le haut : hypothèse, aucun taux publié trouvé). Les totaux « attendus » les multiplient par la probabilité qu'une synergie se fasse à son étape : suggérée, 23,5 % (138 synergies concrétisées sur 588 détectées par le Programme national de synergies interentreprises 2015-2017 ; bas et haut : intervalle à 95 % de ce décompte) ; en cours, hypothèse entre ce taux et la certitude (central 61,7 %) ; opérationnelle, 100 %. Les euros sont nets du transport, du traitement et du prix de la ressource ; les hypothèses non sourcées sont données comme telles, avec leur fourchette. Les contreparties anonymes restent anonymes ici, et les chiffres que le lecteur ne peut voir n'y figurent pas.",
    section: 'Rubrique',
    label: 'Libellé',
    SUGGESTED: 'Suggérées',
    IN_PROGRESS: 'En cours',
    OPERATIONAL: 'Opérationnelles',
    SUBSTITUTION: 'Substitution',
    MUTUALISATION: 'Mutualisation',
    ACCEPTED: 'Acceptée',
    CONTACT_REQUESTED: 'Mise en relation demandée',
    DECLINED: 'Déclinée',
    STALE: 'Périmée',
    IDEA: 'Idée',
    STUDY: 'Étude',
    IMPLEMENTATION: 'Mise en œuvre',
    ABANDONED: 'Abandonné',
    CO2E_AVOIDED_T: 'Émissions évitées',
    TONNES_DIVERTED: 'Tonnes détournées',
    MWH_RECOVERED: 'Énergie récupérée',
    WATER_M3_SAVED: 'Eau économisée',
    EUROS_SAVED: 'Économies',
    JOBS: 'Emplois',
    INSERTION_JOBS: "dont emplois d'insertion",
  },
  EN: {
    title: 'Territory report',
    generatedOn: 'Made on',
    intro:
      "Indicators of the territory's industrial-ecology synergies, by stage. Totals count each tonne, MWh or euro once: competing suggestions for the same source or need are allocated, not added. The gross potential, which adds them, is given for information only.",
    stages: 'Indicators by stage',
    stage: 'Stage',
    indicator: 'Indicator',
    unit: 'Unit',
    low: 'Low',
    central: 'Central',
    high: 'High',
    once: 'counted once',
    expected: 'expected (× the probability of happening at this stage)',
    gross: 'gross potential (not additive)',
    synergyCount: 'synergies',
    synergies: 'Synergies',
    synergiesShown: 'first shown',
    kind: 'Kind',
    status: 'Status',
    score: 'Score',
    parties: 'Parties',
    impacts: 'Estimated impacts (central)',
    projects: 'Projects',
    project: 'Project',
    none: 'None.',
    method: 'Method and sources',
    methodText:
      "Each impact is estimated by a formula and cited factors (docs/impact-method.md); low, central and high bound the uncertainty. Each flow is counted once. A synergy's figures are what it gives if it happens, on the expected share of the matched quantities (85 %, from 70 % for the low to 100 % for the high: an assumption, no published rate found). The \"expected\" totals multiply them by the probability that a synergy at its stage happens: suggested, 23.5 % (138 of the 588 synergies detected by the French national inter-company synergy programme, PNSI 2015–2017, were concretised; low and high the 95 % interval of that count); in progress, an assumption between that rate and certainty (central 61.7 %); operational, 100 %. Euros are net of haulage, processing and the resource's price; unsourced assumptions are shown as such, with their range. Anonymous counterparts stay anonymous here, and figures the reader may not see are not in it.",
    section: 'Section',
    label: 'Label',
    SUGGESTED: 'Suggested',
    IN_PROGRESS: 'In progress',
    OPERATIONAL: 'Operational',
    SUBSTITUTION: 'Substitution',
    MUTUALISATION: 'Pooling',
    ACCEPTED: 'Accepted',
    CONTACT_REQUESTED: 'Contact requested',
    DECLINED: 'Declined',
    STALE: 'Stale',
    IDEA: 'Idea',
    STUDY: 'Study',
    IMPLEMENTATION: 'Implementation',
    ABANDONED: 'Abandoned',
    CO2E_AVOIDED_T: 'Emissions avoided',
    TONNES_DIVERTED: 'Tonnes diverted',
    MWH_RECOVERED: 'Energy recovered',
    WATER_M3_SAVED: 'Water saved',
    EUROS_SAVED: 'Savings',
    JOBS: 'Jobs',
    INSERTION_JOBS: 'of which insertion jobs',
  },
} as const;

export type ReportWord = keyof (typeof LABELS)['FR'];

export function reportWords(language: ReportLanguage): (word: string) => string {
  const words = LABELS[language] as Record<string, string>;
  return (word) => words[word] ?? word;
}

/** A number as the reader writes it: "12 345,6" in French, "12,345.6" in English; at most 3 significant decimals. */
export function formatNumber(value: number, language: ReportLanguage): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return new Intl.NumberFormat(language === 'FR' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}
