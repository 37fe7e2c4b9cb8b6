import { describe, expect, it } from 'vitest';
import { figuresFor, linkableFigures, type SynergyFigure } from './synergy-figures';

const figure = (indicator: string, central: number, unit: string, organization: string | null = null): SynergyFigure => ({
  indicator,
  low: central / 2,
  central,
  high: central * 2,
  unit,
  organization: organization ? { name: organization } : null,
});

describe('the synergy figures beside a plan indicator', () => {
  const figures = [
    figure('EUROS_SAVED', 4000, 'EUR', 'Aciéries'),
    figure('TONNES_DIVERTED', 12, 't'),
    figure('EUROS_SAVED', 900, 'EUR', 'Bétons'),
    figure('CO2E_AVOIDED_T', 8, 't CO2e'),
    figure('SOMETHING_NEW', 1, 'x'),
  ];

  it('shows every figure of the linked indicator (euros per organisation), none for an unlinked one', () => {
    expect(figuresFor('EUROS_SAVED', figures).map((f) => f.organization?.name)).toEqual(['Aciéries', 'Bétons']);
    expect(figuresFor(null, figures)).toEqual([]);
    expect(figuresFor('WATER_M3_SAVED', figures)).toEqual([]);
  });

  it('offers each known indicator once, most telling first, with its unit', () => {
    expect(linkableFigures(figures)).toEqual([
      { indicator: 'CO2E_AVOIDED_T', unit: 't CO2e' },
      { indicator: 'TONNES_DIVERTED', unit: 't' },
      { indicator: 'EUROS_SAVED', unit: 'EUR' },
    ]);
    expect(linkableFigures([])).toEqual([]);
  });
});
