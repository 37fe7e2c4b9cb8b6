import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import { useId, useMemo, useState } from 'react';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/useI18n';
import { formatAmount } from '../../ui/format';
import type { DashboardFlow, DashboardSynergy } from './dashboard-data';
import { DIMENSIONS, sankeyModel, type Dimension, type SankeyNodeRef } from './sankey-model';
import { ScrollRegion } from '../../ui/ScrollRegion';

const WIDTH = 900;
// Tall enough that the busiest column's labels (one line each, spaced by the padding) do not overlap, with room
// left for the quantities themselves.
const LINE = 17;
const ROOM_FOR_QUANTITIES = 220;
const MIN_HEIGHT = 360;
const COLUMN_COLOURS = { category: '#1f3a5f', stream: '#3b82f6', destination: '#64748b' } as const;
const SYNERGY_COLOUR = '#15803d';

type Node = SankeyNodeRef & { label: string };
type Link = { source: string; target: string; value: number };

/** The visible outputs of the territory, today or after the suggested synergies, for one kind of quantity. */
export function FlowSankey({ flows, synergies }: { flows: DashboardFlow[]; synergies: DashboardSynergy[] }) {
  const { t, language } = useI18n();
  const id = useId();
  const [dimension, setDimension] = useState<Dimension>('mass');
  const [after, setAfter] = useState(false);
  const model = useMemo(() => sankeyModel(flows, synergies, dimension, after), [flows, synergies, dimension, after]);
  const unit = t(`dashboard.sankey.unit.${dimension}`);

  const labelOf = (node: SankeyNodeRef): string => {
    switch (node.column) {
      case 'category':
        return t(`category.${node.category}` as MessageKey);
      case 'stream':
        if (!node.chapterCode) return `${t(`category.${node.category}` as MessageKey)} — ${t('dashboard.sankey.otherStream')}`;
        return `${t('dashboard.sankey.chapter', { code: node.chapterCode })} ${sentenceCase((language === 'fr' ? node.chapterLabelFr : node.chapterLabelEn) ?? '')}`.trim();
      case 'destination':
        return node.destination === 'UNKNOWN' || node.destination === 'SYNERGY'
          ? t(`dashboard.destination.${node.destination}`)
          : t(`destination.${node.destination}` as MessageKey);
    }
  };

  const height = useMemo(() => {
    const perColumn = new Map<string, number>();
    for (const node of model.nodes) perColumn.set(node.column, (perColumn.get(node.column) ?? 0) + 1);
    return Math.max(MIN_HEIGHT, ROOM_FOR_QUANTITIES + LINE * Math.max(0, ...perColumn.values()));
  }, [model]);

  const graph = useMemo(() => {
    if (model.links.length === 0) return null;
    const layout = sankey<Node, Link>()
      .nodeId((node) => node.id)
      .nodeWidth(14)
      .nodePadding(LINE - 3)
      .extent([
        [1, 10],
        [WIDTH - 1, height - 10],
      ]);
    const input: SankeyGraph<Node, Link> = {
      nodes: model.nodes.map((node) => ({ ...node, label: '' })),
      links: model.links.map((link) => ({ ...link })),
    };
    return layout(input);
  }, [model, height]);

  const total = model.links.filter((link) => link.source.startsWith('category:')).reduce((sum, link) => sum + link.value, 0);

  return (
    <div className="flow-sankey">
      <p className="muted">{t('dashboard.sankey.intro')}</p>
      <div className="sankey-controls">
        <div className="field inline">
          <label htmlFor={`${id}-dimension`}>{t('dashboard.sankey.dimension')}</label>
          <select id={`${id}-dimension`} value={dimension} onChange={(event) => setDimension(event.target.value as Dimension)}>
            {DIMENSIONS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`dashboard.sankey.dimension.${candidate}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="segmented" role="group" aria-label={t('dashboard.sankey')}>
          <button type="button" aria-pressed={!after} onClick={() => setAfter(false)}>
            {t('dashboard.sankey.today')}
          </button>
          <button type="button" aria-pressed={after} onClick={() => setAfter(true)}>
            {t('dashboard.sankey.after')}
          </button>
        </div>
      </div>
      {graph ? (
        <ScrollRegion className="sankey-frame" label={t('dashboard.sankey')}>
          <svg
            viewBox={`0 0 ${WIDTH} ${height}`}
            role="img"
            aria-label={t('dashboard.sankey.label', { total: formatAmount(total, language), unit })}
          >
            <g fill="none">
              {graph.links.map((link, index) => {
                const target = link.target as Node;
                return (
                  <path
                    key={index}
                    className="sankey-link"
                    d={sankeyLinkHorizontal()(link) ?? undefined}
                    stroke={target.column === 'destination' && target.destination === 'SYNERGY' ? SYNERGY_COLOUR : '#94a3b8'}
                    strokeOpacity={0.45}
                    strokeWidth={Math.max(1, link.width ?? 1)}
                  >
                    <title>
                      {labelOf(link.source as Node)} → {labelOf(target)} : {formatAmount(link.value, language)} {unit}
                    </title>
                  </path>
                );
              })}
            </g>
            {graph.nodes.map((node) => {
              const x0 = node.x0 ?? 0;
              const x1 = node.x1 ?? 0;
              const y0 = node.y0 ?? 0;
              const y1 = node.y1 ?? 0;
              const onRight = x0 > WIDTH / 2;
              const label = labelOf(node);
              return (
                <g key={node.id} className="sankey-node">
                  <rect
                    x={x0}
                    y={y0}
                    width={x1 - x0}
                    height={Math.max(1, y1 - y0)}
                    fill={node.column === 'destination' && node.destination === 'SYNERGY' ? SYNERGY_COLOUR : COLUMN_COLOURS[node.column]}
                  >
                    <title>
                      {label} : {formatAmount(node.value ?? 0, language)} {unit}
                    </title>
                  </rect>
                  <text x={onRight ? x0 - 6 : x1 + 6} y={(y0 + y1) / 2} dy="0.35em" textAnchor={onRight ? 'end' : 'start'}>
                    {shorten(label, 34)}
                  </text>
                </g>
              );
            })}
          </svg>
        </ScrollRegion>
      ) : (
        <p className="muted">{t('dashboard.sankey.empty')}</p>
      )}
      {graph && (
        <details className="sankey-table">
          <summary>{t('dashboard.sankey.table')}</summary>
          <ScrollRegion label={t('dashboard.sankey.table')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.sankey.from')}</th>
                  <th scope="col">{t('dashboard.sankey.to')}</th>
                  <th scope="col">{t('dashboard.sankey.quantity', { unit })}</th>
                </tr>
              </thead>
              <tbody>
                {graph.links.map((link, index) => (
                  <tr key={index}>
                    <td>{labelOf(link.source as Node)}</td>
                    <td>{labelOf(link.target as Node)}</td>
                    <td>{formatAmount(link.value, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      )}
      {after && (
        <p className="small">{t('dashboard.sankey.diverted', { diverted: formatAmount(model.diverted, language), unit })}</p>
      )}
      <p className="muted small">{t('dashboard.sankey.note')}</p>
    </div>
  );
}

// The List of Waste writes its chapter headings in capitals, which read as shouting in a diagram.
function sentenceCase(text: string): string {
  // Some headings end on a lower-case aside ("… (sauf 07 et 08)"): the opening words decide.
  const opening = text.slice(0, 16);
  return opening === opening.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
