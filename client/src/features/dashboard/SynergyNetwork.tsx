import { useMemo } from 'react';
import { useI18n } from '../../i18n/useI18n';
import type { DashboardSynergy } from './dashboard-data';
import { networkModel, type NetworkNode } from './network-model';
import { StageLegend } from './StageLegend';
import { STAGE_COLOURS } from './stages';

const WIDTH = 760;
const HEIGHT = 560;
const RADIUS = 210;

/** Organisations on a circle, joined by their synergies coloured by stage; anonymous sides unnamed. */
export function SynergyNetwork({ synergies }: { synergies: DashboardSynergy[] }) {
  const { t } = useI18n();
  const model = useMemo(() => networkModel(synergies, RADIUS), [synergies]);
  if (model.edges.length === 0) return <p className="muted">{t('dashboard.network.empty')}</p>;
  const byId = new Map(model.nodes.map((node) => [node.id, node]));
  const nameOf = (node: NetworkNode) => node.name ?? t('dashboard.network.anonymous');
  return (
    <div className="synergy-network">
      <p className="muted">{t('dashboard.network.intro')}</p>
      <div className="network-frame">
        <svg
          viewBox={`${-WIDTH / 2} ${-HEIGHT / 2} ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={t('dashboard.network.label', { nodes: model.nodes.length, edges: model.edges.length })}
        >
          <g>
            {model.edges.map((edge, index) => {
              const from = byId.get(edge.from)!;
              const to = byId.get(edge.to)!;
              return (
                <line
                  key={`${edge.synergyId}-${index}`}
                  className={`network-edge stage-${edge.stage}`}
                  x1={from.x}
                  y1={from.y}
                  x2={to.x}
                  y2={to.y}
                  stroke={STAGE_COLOURS[edge.stage]}
                  strokeOpacity={0.6}
                  strokeWidth={1.5}
                >
                  <title>
                    {nameOf(from)} — {nameOf(to)} : {t(`dashboard.stage.${edge.stage}`)}
                  </title>
                </line>
              );
            })}
          </g>
          {model.nodes.map((node) => {
            const onLeft = node.x < -1;
            const dx = (node.x / RADIUS) * 10;
            const dy = (node.y / RADIUS) * 10;
            return (
              <g key={node.id} className={node.name ? 'network-node' : 'network-node anonymous'}>
                <circle
                  cx={node.x}
                  cy={node.y}
                  r={node.isYours ? 8 : 6}
                  fill={node.name === null ? '#fff' : node.isYours ? '#d97706' : '#1f3a5f'}
                  stroke={node.name === null ? '#8a94a6' : '#fff'}
                  strokeWidth={1.5}
                >
                  <title>{nameOf(node)}</title>
                </circle>
                {node.name !== null && (
                  <text x={node.x + dx} y={node.y + dy} dy="0.35em" textAnchor={onLeft ? 'end' : 'start'}>
                    {node.name.length > 26 ? `${node.name.slice(0, 25)}…` : node.name}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <StageLegend />
    </div>
  );
}
