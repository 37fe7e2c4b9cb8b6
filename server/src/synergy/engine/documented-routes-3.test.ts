import { describe, expect, it } from 'vitest';
import { need, out, routes } from './documented-routes.fixture.js';

/**
 * Routes and words of knowledge base 1.14.0 (issue 10, recall line, round 3): a need declared as plain "fuel" or as
 * fuel oil takes a neighbour's surplus gas (not a solid-fuel furnace, not a peak or back-up boiler), and conditioned
 * coal ash replaces aggregates in fills and road bases. Labels here are written for the test, not taken from the
 * corpus.
 */
const MWH = { unit: 'MEGAWATT_HOUR' } as const;
const gas = (id = 'gas') => out(id, 'refinery', 'ENERGY', 'Surplus off-gas from the refinery units', { ...MWH, physicalForm: 'GAS' });
const biogas = () => out('biogas', 'digester', 'ENERGY', 'Biogas from the anaerobic digestion plant', { ...MWH, physicalForm: 'GAS' });

describe('a surplus gas for a need declared as plain fuel or fuel oil', () => {
  it('offers a by-product gas to a need that names only "fuel", whatever it is for', () => {
    const boiler = need('boiler', 'plant', 'ENERGY', 'Fuel for raising process steam', MWH);
    expect(routes([gas(), boiler], 'gas', 'boiler')).toContain('surplus-fuel-gas-burner-substitution');
  });

  it('offers biogas to dryers fired with heating oil or fuel oil today', () => {
    const dryers = need('dryers', 'feed', 'ENERGY', 'Fuel for the drying drums (heating oil today)', MWH);
    const kiln = need('kiln', 'bricks', 'ENERGY', 'Heavy fuel oil for the tunnel kiln', MWH);
    expect(routes([biogas(), dryers], 'biogas', 'dryers')).toContain('surplus-fuel-gas-burner-substitution');
    expect(routes([biogas(), kiln], 'biogas', 'kiln')).toContain('surplus-fuel-gas-burner-substitution');
  });

  it('does not offer a gas to a solid-fuel boiler, nor to peak or back-up boilers kept on oil', () => {
    const solid = need('solid', 'chp', 'ENERGY', 'Solid fuel for the grate boiler (wood chips and peat)', MWH);
    const peak = need('peak', 'dh', 'ENERGY', 'Fuel oil for the peak-load boilers', MWH);
    const backup = need('backup', 'hospital', 'ENERGY', 'Fioul pour les chaudières de secours', MWH);
    expect(routes([gas(), solid], 'gas', 'solid')).not.toContain('surplus-fuel-gas-burner-substitution');
    expect(routes([gas(), peak], 'gas', 'peak')).not.toContain('surplus-fuel-gas-burner-substitution');
    expect(routes([gas(), backup], 'gas', 'backup')).not.toContain('surplus-fuel-gas-burner-substitution');
  });

  it('still offers sawdust to a lime kiln whose need names fuel oil', () => {
    const sawdust = out('sawdust', 'sawmill', 'WASTE', 'Sawdust from the band saws', { ewcCode: '03 01 05' });
    const kiln = need('kiln', 'pulp', 'ENERGY', 'Fuel for the lime kiln (fuel oil today)', MWH);
    expect(routes([sawdust, kiln], 'sawdust', 'kiln')).toContain('sawdust-biomass-fuel');
  });
});

describe('conditioned coal ash as fill and road base', () => {
  const fill = () => need('fill', 'contractor', 'MATERIAL', 'Crushed stone for embankments and road base');

  it('offers a power station’s coal fly ash to a road contractor buying crushed stone', () => {
    const ash = out('ash', 'power', 'WASTE', 'Coal fly ash, moistened at the silo', { ewcCode: '10 01 02', physicalForm: 'POWDER' }, 20);
    expect(routes([ash, fill()], 'ash', 'fill')).toContain('coal-ash-structural-fill');
  });

  it('does not offer biomass fly ash (another code and words), nor coal ash to a recycled-concrete need', () => {
    const wood = out('wood', 'power', 'WASTE', 'Fly ash from the wood-fired boiler', { ewcCode: '10 01 02' });
    const coal = out('coal', 'power', 'WASTE', 'Coal fly ash', { ewcCode: '10 01 02' });
    const recycled = need('recycled', 'precast', 'MATERIAL', 'Recycled concrete aggregates');
    expect(routes([wood, fill()], 'wood', 'fill')).not.toContain('coal-ash-structural-fill');
    expect(routes([coal, recycled], 'coal', 'recycled')).not.toContain('coal-ash-structural-fill');
  });
});
