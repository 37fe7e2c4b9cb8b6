import type { PlanChange, PlanNoteBlock } from '../project/plan-document.port.js';
import type { DEMO_ACCOUNTS } from './demo-accounts.js';

type Account = keyof typeof DEMO_ACCOUNTS;

/** A demo plan: actions carried by the demo accounts' organisations (which take part in the project). */
export interface DemoPlan {
  summary: string;
  notes: PlanNoteBlock[];
  actions: { title: string; owner: Account | null; dueDate: string | null; status: 'TODO' | 'IN_PROGRESS' | 'DONE' }[];
  budget: { id: string; label: string; amountEur: number; funder: string | null }[];
  indicators: { indicator: string; unit: string; expected: number }[];
}

export const HEAT_NETWORK_PLAN: DemoPlan = {
  summary:
    "Récupérer la chaleur fatale des fumées du laminoir des Aciéries pour alimenter un réseau de chaleur desservant les bâtiments publics et les entreprises de la zone de Florange.",
  notes: [
    { kind: 'HEADING', text: 'Étude de faisabilité' },
    { kind: 'PARAGRAPH', text: 'Puissance récupérable estimée entre 4 et 6 MW, disponible 7 200 h/an hors arrêts techniques.' },
    { kind: 'PARAGRAPH', text: "Tracé pressenti : 3,2 km le long de la RD 952, traversée de la voie ferrée à étudier avec SNCF Réseau." },
    { kind: 'HEADING', text: 'Points ouverts' },
    { kind: 'PARAGRAPH', text: 'Secours en cas d’arrêt du laminoir : chaufferie biomasse existante de la commune ou chaudière gaz d’appoint.' },
  ],
  actions: [
    { title: 'Mesurer les débits et températures des fumées sur une campagne de 4 semaines', owner: 'steelMember', dueDate: '2027-02-15', status: 'IN_PROGRESS' },
    { title: 'Recenser les besoins de chaleur des bâtiments publics de la zone', owner: 'authorityMember', dueDate: '2027-03-01', status: 'TODO' },
    { title: "Déposer la demande d'aide au Fonds Chaleur", owner: 'authorityMember', dueDate: '2027-05-30', status: 'TODO' },
  ],
  budget: [
    { id: 'etude-faisabilite', label: 'Étude de faisabilité (bureau d’études)', amountEur: 45000, funder: 'ADEME' },
    { id: 'campagne-mesures', label: 'Campagne de mesures sur les fumées', amountEur: 12000, funder: 'Aciéries de la Fensch' },
    { id: 'assistance-moa', label: "Assistance à maîtrise d'ouvrage", amountEur: 18000, funder: 'Région Grand Est' },
  ],
  indicators: [
    { indicator: 'tCO2e évitées', unit: 't/an', expected: 2400 },
    { indicator: 'Chaleur valorisée', unit: 'MWh/an', expected: 28000 },
  ],
};

export const PALLETS_PLAN: DemoPlan = {
  summary:
    "Collecter en une seule tournée les palettes bois usagées des sites industriels du Val de Fensch et les réparer ou les broyer à la Menuiserie de Knutange.",
  notes: [
    { kind: 'HEADING', text: 'Bilan des six premiers mois' },
    { kind: 'PARAGRAPH', text: 'Tournée hebdomadaire le mardi ; 62 % des palettes réparées et remises en circulation, le reste broyé en plaquettes.' },
    { kind: 'PARAGRAPH', text: 'Prochaine étape : proposer la tournée aux entreprises de la zone d’Uckange.' },
  ],
  actions: [
    { title: 'Installer les zones de dépôt sur les trois sites des Aciéries', owner: 'steelMember', dueDate: '2026-09-30', status: 'DONE' },
    { title: 'Organiser la tournée de collecte hebdomadaire', owner: 'joineryMember', dueDate: '2026-10-15', status: 'DONE' },
    { title: 'Suivre les tonnages réparés et broyés chaque mois', owner: 'joineryMember', dueDate: null, status: 'IN_PROGRESS' },
  ],
  budget: [
    { id: 'broyeur', label: 'Broyeur à plaquettes', amountEur: 52000, funder: 'Région Grand Est' },
    { id: 'bennes', label: 'Bennes de dépôt (6)', amountEur: 9000, funder: 'Aciéries de la Fensch' },
    { id: 'vehicule', label: 'Location du porteur de collecte (1 an)', amountEur: 21000, funder: null },
  ],
  indicators: [
    { indicator: 'Déchets évités', unit: 't/an', expected: 340 },
    { indicator: 'tCO2e évitées', unit: 't/an', expected: 95 },
    { indicator: "Emplois d'insertion", unit: 'ETP', expected: 2 },
  ],
};

/** The plan as changes, in the order a lead would make them; `owners` gives each account's organisation id. */
export function planChanges(plan: DemoPlan, owners: Record<string, string>): PlanChange[] {
  return [
    { kind: 'SET_SUMMARY', summary: plan.summary },
    { kind: 'APPEND_NOTES', blocks: plan.notes },
    ...plan.actions.map(
      ({ owner, ...action }): PlanChange => ({ kind: 'ADD_ACTION', action: { ...action, ownerOrganizationId: owner ? owners[owner] : null } }),
    ),
    ...plan.budget.map((line): PlanChange => ({ kind: 'SET_BUDGET_LINE', line })),
    ...plan.indicators.map((indicator): PlanChange => ({ kind: 'SET_INDICATOR', indicator })),
  ];
}
