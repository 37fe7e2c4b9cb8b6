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
      "Chaque impact est estimé par une formule et des facteurs cités (docs/impact-method.md) ; bas, central et haut encadrent l'incertitude. Le central retient la part attendue des quantités appariées (85 %, de 70 % pour le bas à 100 % pour le haut), chaque flux n'est compté qu'une fois, et les euros sont nets du transport, du traitement et du prix de la ressource ; les hypothèses non sourcées sont données comme telles, avec leur fourchette. Les contreparties anonymes restent anonymes ici, et les chiffres que le lecteur ne peut voir n'y figurent pas.",
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
      'Each impact is estimated by a formula and cited factors (docs/impact-method.md); low, central and high bound the uncertainty. The central takes the expected share of the matched quantities (85 %, from 70 % for the low to 100 % for the high), each flow is counted once, and euros are net of haulage, processing and the resource\'s price; unsourced assumptions are shown as such, with their range. Anonymous counterparts stay anonymous here, and figures the reader may not see are not in it.',
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
