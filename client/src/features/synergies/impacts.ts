import { isMessageKey, type Language, type Translate } from '../../i18n/messages';
import { formatAmount, formatQuantity, formatUnit } from '../../ui/format';

/** What an impact figure or total carries: an estimate with its range, in a unit. */
export interface ImpactRange {
  indicator: string;
  low: number;
  central: number;
  high: number;
  unit: string;
}

/** Indicators in the order they are worth showing first, when room is short (docs/impact-method.md). */
export const INDICATOR_ORDER = [
  'CO2E_AVOIDED_T',
  'TONNES_DIVERTED',
  'MWH_RECOVERED',
  'WATER_M3_SAVED',
  'EUROS_SAVED',
  'JOBS',
  'INSERTION_JOBS',
] as const;

/** The name of an indicator; an indicator the interface does not know yet is shown by its code. */
export function indicatorLabel(indicator: string, t: Translate): string {
  const key = `impact.${indicator}`;
  return isMessageKey(key) ? t(key) : indicator;
}

/**
 * The central estimate and, when the estimate is uncertain, its range: "7,28 t CO₂e" and "2,18 à 16,6 t CO₂e".
 * The range is null when low, central and high agree once formatted (nothing to add).
 */
export function formatImpact(
  impact: ImpactRange,
  language: Language,
  t: Translate,
): { central: string; range: string | null } {
  const central = formatQuantity(impact.central, impact.unit, language, t);
  const low = formatQuantity(impact.low, impact.unit, language, t);
  const high = formatQuantity(impact.high, impact.unit, language, t);
  if (low === central && high === central) return { central, range: null };
  const range =
    impact.unit === 'EUR'
      ? t('impact.range', { low, high })
      : `${t('impact.range', { low: formatAmount(impact.low, language), high: formatAmount(impact.high, language) })} ${formatUnit(impact.unit, t)}`;
  return { central, range };
}

/** Rank of an indicator in INDICATOR_ORDER; unknown ones go last, in their own order. */
function rank(indicator: string): number {
  const index = (INDICATOR_ORDER as readonly string[]).indexOf(indicator);
  return index === -1 ? INDICATOR_ORDER.length : index;
}

/**
 * Impacts of the same indicator and unit added up (euros are given per organisation that saves them), in the
 * order each indicator first appears.
 */
export function sumByIndicator(impacts: readonly ImpactRange[]): ImpactRange[] {
  const sums = new Map<string, ImpactRange>();
  for (const { indicator, low, central, high, unit } of impacts) {
    const key = `${indicator}\u0000${unit}`;
    const sum = sums.get(key);
    if (sum) Object.assign(sum, { low: sum.low + low, central: sum.central + central, high: sum.high + high });
    else sums.set(key, { indicator, low, central, high, unit });
  }
  return [...sums.values()];
}

/** The impacts worth a glance in a list: non-zero central estimates, most telling indicators first. */
export function headlineImpacts<T extends ImpactRange>(impacts: readonly T[], max = 3): T[] {
  return impacts
    .filter((impact) => impact.central !== 0)
    .map((impact, index) => ({ impact, index }))
    .sort((a, b) => rank(a.impact.indicator) - rank(b.impact.indicator) || a.index - b.index)
    .slice(0, max)
    .map(({ impact }) => impact);
}

/** Impacts sorted for a table, most telling indicators first (the same indicator stays in the API's order). */
export function sortImpacts<T extends ImpactRange>(impacts: readonly T[]): T[] {
  return headlineImpacts(impacts, Number.POSITIVE_INFINITY).concat(impacts.filter((impact) => impact.central === 0));
}

/** A score in [0, 1] on a hundred: 0.7968 → 80. */
export function scoreOutOf100(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/** What an impact factor is, in the language of the page; a factor the API gives no label for is named by its id. */
export function factorLabel(factor: { id: string; labelFr?: string | null; labelEn?: string | null }, language: Language): string {
  return (language === 'fr' ? factor.labelFr : factor.labelEn) || factor.id;
}

/** A publication cited, as the API gives it; `citation` is null for a source known only by its id. */
export interface CitedSource {
  id: string;
  citation: string | null;
  url?: string | null;
}

/**
 * The sources a synergy cites, each once: the pathway's, then those of the impact factors the pathway does not list,
 * in the order they are first cited. A factor whose source the API does not resolve is cited by its id.
 */
export function citedSources(
  pathwaySources: readonly CitedSource[],
  factors: readonly { sourceId?: string | null; source?: CitedSource | null }[],
): CitedSource[] {
  const sources = new Map<string, CitedSource>(pathwaySources.map((source) => [source.id, source]));
  for (const factor of factors) {
    const id = factor.source?.id ?? factor.sourceId;
    if (id && !sources.has(id)) sources.set(id, factor.source ?? { id, citation: null, url: null });
  }
  return [...sources.values()];
}
