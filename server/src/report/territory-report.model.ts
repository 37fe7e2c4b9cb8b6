/**
 * The territory report for funders, as plain data: built from the API's answer to TERRITORY_REPORT_DOCUMENT (what
 * the reader may see), then written as CSV or PDF. Pure: no I/O, no clock (the caller gives the date).
 */
export type ReportLanguage = 'FR' | 'EN';

export interface ReportFigure {
  indicator: string;
  unit: string;
  low: number;
  central: number;
  high: number;
}

export interface ReportStage {
  stage: 'SUGGESTED' | 'IN_PROGRESS' | 'OPERATIONAL';
  synergyCount: number;
  totals: ReportFigure[];
  /** The once-counted totals × the stage's realisation probability (docs/impact-method.md § 1). */
  expectedTotals: ReportFigure[];
  grossTotals: ReportFigure[];
}

export interface ReportSynergy {
  title: string;
  kind: string;
  status: string;
  score: number;
  parties: string[];
  impacts: ReportFigure[];
}

export interface ReportSource {
  citation: string;
  url: string | null;
}

export interface TerritoryReport {
  language: ReportLanguage;
  territoryName: string;
  generatedOn: string;
  stages: ReportStage[];
  synergies: ReportSynergy[];
  synergyCount: number;
  projects: { title: string; stage: string }[];
  projectCount: number;
  sources: ReportSource[];
}

interface ApiFigure extends ReportFigure {
  factors?: { source: { citation: string; url: string | null } | null }[];
}
interface ApiGroup {
  synergyCount: number;
  totals: ReportFigure[];
  expectedTotals: ReportFigure[];
  grossTotals: ReportFigure[];
}
/** The shape of the answer to TERRITORY_REPORT_DOCUMENT. */
export interface TerritoryReportAnswer {
  node: { name?: string } | null;
  territoryImpact: { suggested: ApiGroup; inProgress: ApiGroup; operational: ApiGroup };
  synergies: {
    totalCount: number;
    nodes: {
      kind: string;
      status: string;
      score: number;
      pathway: { labelFr: string; labelEn: string } | null;
      participants: { role: string; organization: { name: string } | null; anonymous: { descriptionFr: string; descriptionEn: string } | null }[];
      impacts: ApiFigure[];
    }[];
  };
  projects: { totalCount: number; nodes: { title: string; stage: string }[] };
}

/** Indicators in the order funders read them (docs/impact-method.md). */
const INDICATOR_ORDER = ['CO2E_AVOIDED_T', 'TONNES_DIVERTED', 'MWH_RECOVERED', 'WATER_M3_SAVED', 'EUROS_SAVED', 'JOBS', 'INSERTION_JOBS'];

const byIndicator = (a: ReportFigure, b: ReportFigure) => {
  const rank = (f: ReportFigure) => (INDICATOR_ORDER.includes(f.indicator) ? INDICATOR_ORDER.indexOf(f.indicator) : INDICATOR_ORDER.length);
  return rank(a) - rank(b) || a.indicator.localeCompare(b.indicator) || a.unit.localeCompare(b.unit);
};

const plain = ({ indicator, unit, low, central, high }: ReportFigure): ReportFigure => ({ indicator, unit, low, central, high });

export function buildTerritoryReport(answer: TerritoryReportAnswer, language: ReportLanguage, generatedOn: string): TerritoryReport {
  const group = (stage: ReportStage['stage'], g: ApiGroup): ReportStage => ({
    stage,
    synergyCount: g.synergyCount,
    totals: g.totals.map(plain).sort(byIndicator),
    expectedTotals: g.expectedTotals.map(plain).sort(byIndicator),
    grossTotals: g.grossTotals.map(plain).sort(byIndicator),
  });
  const sources = new Map<string, ReportSource>();
  const synergies = answer.synergies.nodes.map((s) => {
    for (const impact of s.impacts) {
      for (const factor of impact.factors ?? []) {
        if (factor.source) sources.set(factor.source.citation, { citation: factor.source.citation, url: factor.source.url ?? null });
      }
    }
    return {
      title: (language === 'FR' ? s.pathway?.labelFr : s.pathway?.labelEn) ?? s.kind,
      kind: s.kind,
      status: s.status,
      score: s.score,
      parties: s.participants.map((p) => p.organization?.name ?? (language === 'FR' ? p.anonymous?.descriptionFr : p.anonymous?.descriptionEn) ?? '—'),
      impacts: s.impacts.map(plain).sort(byIndicator),
    };
  });
  return {
    language,
    territoryName: answer.node?.name ?? '—',
    generatedOn,
    stages: [
      group('SUGGESTED', answer.territoryImpact.suggested),
      group('IN_PROGRESS', answer.territoryImpact.inProgress),
      group('OPERATIONAL', answer.territoryImpact.operational),
    ],
    synergies,
    synergyCount: answer.synergies.totalCount,
    projects: answer.projects.nodes.map(({ title, stage }) => ({ title, stage })),
    projectCount: answer.projects.totalCount,
    sources: [...sources.values()].sort((a, b) => a.citation.localeCompare(b.citation)),
  };
}
