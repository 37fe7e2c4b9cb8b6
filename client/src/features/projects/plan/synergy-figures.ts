import { INDICATOR_ORDER } from '../../synergies/impacts';

/** A synergy's impact figure as the project page reads it (`originSynergy.impacts`: the viewer's own view). */
export interface SynergyFigure {
  indicator: string;
  low: number;
  central: number;
  high: number;
  unit: string;
  organization: { name: string } | null;
}

/** The figures an indicator linked to `figure` shows beside its target: all of that indicator (euros per organisation). */
export function figuresFor(figure: string | null, figures: readonly SynergyFigure[]): SynergyFigure[] {
  return figure ? figures.filter((f) => f.indicator === figure) : [];
}

/**
 * The figures a new indicator may be linked to: each indicator once (with its unit), most telling first, only
 * among the codes the plan document accepts.
 */
export function linkableFigures(figures: readonly SynergyFigure[]): { indicator: string; unit: string }[] {
  return INDICATOR_ORDER.flatMap((code) => {
    const first = figures.find((f) => f.indicator === code);
    return first ? [{ indicator: code, unit: first.unit }] : [];
  });
}
