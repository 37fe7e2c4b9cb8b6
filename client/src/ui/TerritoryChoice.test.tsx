import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TerritoryChoice, useTerritoryChoice } from './TerritoryChoice';
import type { WorkspaceTerritory } from './viewer-territories';

const fensch: WorkspaceTerritory = { id: 't1', name: 'Val de Fensch', facilitated: true };
const north: WorkspaceTerritory = { id: 't2', name: 'Lorraine Nord', facilitated: false };

/** A workspace as the pages write it: the choice, then the territory it shows. */
function Workspace({ territories }: { territories: WorkspaceTerritory[] }) {
  const [territory, choose] = useTerritoryChoice(territories);
  return (
    <>
      <TerritoryChoice id="w-territory" label="Territoire" territories={territories} chosen={territory} onChoose={choose} />
      <h2>{territory?.name ?? '—'}</h2>
    </>
  );
}

describe('TerritoryChoice', () => {
  it('offers every territory of the viewer, labelled, the first shown until another is chosen', () => {
    const html = renderToStaticMarkup(<Workspace territories={[fensch, north]} />);
    expect(html).toContain('<label for="w-territory">Territoire</label>');
    expect(html).toContain('<select id="w-territory">');
    expect(html).toContain('<option value="t1" selected="">Val de Fensch</option><option value="t2">Lorraine Nord</option>');
    expect(html).toContain('<h2>Val de Fensch</h2>');
  });

  it('shows no choice for one territory or none', () => {
    expect(renderToStaticMarkup(<Workspace territories={[north]} />)).toBe('<h2>Lorraine Nord</h2>');
    expect(renderToStaticMarkup(<Workspace territories={[]} />)).toBe('<h2>—</h2>');
  });
});
