import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { describeError } from '../../ui/errors';
import { graphql } from '../../gql';
import type { SynergyFilterInput } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { SYNERGY_DEPENDENT } from './context';
import { SynergyRow } from './SynergyRow';

export const PAGE_SIZE = 20;

const SynergyCountQuery = graphql(`
  query SynergyCount($filter: SynergyFilterInput) {
    synergies(filter: $filter, first: 0) {
      totalCount
    }
  }
`);

const SynergyPageQuery = graphql(`
  query SynergyPage($filter: SynergyFilterInput, $first: Int!, $after: String) {
    synergies(filter: $filter, first: $first, after: $after) {
      nodes {
        ...SynergyRow
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/**
 * The synergies matching a filter, best score first, a page at a time: "show more" adds the next page of the
 * connection below those shown. Mount it with a `key` per filter so that a new filter starts from the first page.
 */
export function SynergyList({ filter }: { filter: SynergyFilterInput }) {
  const { t } = useI18n();
  const id = useId();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data: count }] = useQuery({ query: SynergyCountQuery, variables: { filter }, context: SYNERGY_DEPENDENT });
  const totalCount = count?.synergies.totalCount;

  return (
    <section className="synergy-list" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('synergies.listLabel')}</h2>
      <p className="muted" role="status">
        {totalCount !== undefined && t('synergies.count', { count: totalCount })}
      </p>
      {totalCount === 0 ? (
        <p>{t('synergies.empty')}</p>
      ) : (
        <ol className="synergy-rows">
          {cursors.map((after, index) => (
            <SynergyListPage
              key={after ?? 'first'}
              filter={filter}
              after={after}
              isLast={index === cursors.length - 1}
              onLoadMore={(cursor) => setCursors((shown) => [...shown, cursor])}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface SynergyListPageProps {
  filter: SynergyFilterInput;
  after: string | null;
  isLast: boolean;
  onLoadMore: (cursor: string) => void;
}

/** The rows of one page; the last page also offers the next one. */
function SynergyListPage({ filter, after, isLast, onLoadMore }: SynergyListPageProps) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: SynergyPageQuery,
    variables: { filter, first: PAGE_SIZE, after },
    context: SYNERGY_DEPENDENT,
  });
  const page = data?.synergies;
  const next = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;

  // A page the user asked for takes the focus once it is there, as the button that asked for it is gone.
  const firstLink = useRef<HTMLAnchorElement>(null);
  const focused = useRef(after === null);
  useEffect(() => {
    if (!focused.current && firstLink.current) {
      focused.current = true;
      firstLink.current.focus();
    }
  }, [page]);

  return (
    <>
      {page?.nodes.map((synergy, index) => (
        <SynergyRow key={synergy.id} synergy={synergy} linkRef={index === 0 ? firstLink : undefined} />
      ))}
      {fetching && !page && (
        <li className="list-status muted" role="status">
          {t('synergies.loadingMore')}
        </li>
      )}
      {error && (
        <li className="list-status" role="alert">
          <span className="error">{t('synergies.error', { message: describeError(error, t) })}</span>
        </li>
      )}
      {isLast && next && (
        <li className="list-more">
          <button type="button" className="secondary" onClick={() => onLoadMore(next)}>
            {t('synergies.loadMore')}
          </button>
        </li>
      )}
    </>
  );
}
