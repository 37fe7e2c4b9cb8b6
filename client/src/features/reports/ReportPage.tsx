import { useEffect, useId, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ReportFormat } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { QueryStatus } from '../../ui/QueryStatus';
import { workspaceTerritories } from '../../ui/viewer-territories';
import { decodeBase64, saveFile } from './report-file';
import { renderReport } from './report-view';
import './reports.css';

const ReportViewerQuery = graphql(`
  query ReportViewer {
    viewer {
      id
      facilitatedTerritories {
        id
        name
      }
      memberships {
        organization {
          id
          territory {
            id
            name
          }
        }
      }
    }
  }
`);

const TerritoryReportQuery = graphql(`
  query TerritoryReportFile($territoryId: ID!, $format: ReportFormat!, $language: Language!) {
    territoryReport(territoryId: $territoryId, format: $format, language: $language) {
      filename
      mediaType
      contentBase64
    }
  }
`);

/**
 * The territory report for funders: the server writes it (one model, three forms), this page shows its printable
 * form inline (report-view.ts), prints it, and downloads the PDF and the CSV.
 */
export default function ReportPage() {
  const { t, language } = useI18n();
  const id = useId();
  const client = useClient();
  const [{ data: viewerData, fetching: viewerFetching, error: viewerError }] = useQuery({ query: ReportViewerQuery });
  const territories = viewerData?.viewer ? workspaceTerritories(viewerData.viewer) : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const territoryId = chosen ?? territories[0]?.id ?? null;
  const apiLanguage = language === 'en' ? 'EN' : 'FR';
  const [{ data, fetching, error }] = useQuery({
    query: TerritoryReportQuery,
    variables: { territoryId: territoryId ?? '', format: 'HTML', language: apiLanguage },
    pause: !territoryId,
  });
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const fetchFile = async (format: ReportFormat) => {
    if (!territoryId) return;
    setDownload({ busy: true, error: null });
    const result = await client
      .query(TerritoryReportQuery, { territoryId, format, language: apiLanguage }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error || !result.data) {
      setDownload({ busy: false, error: result.error ? describeError(result.error, t) : null });
      return;
    }
    const file = result.data.territoryReport;
    saveFile(file.filename, file.mediaType, decodeBase64(file.contentBase64));
    setDownload({ busy: false, error: null });
  };

  const page = data ? new TextDecoder().decode(decodeBase64(data.territoryReport.contentBase64)) : null;
  return (
    <section aria-labelledby={`${id}-title`} className="report-page workspace">
      <h1 id={`${id}-title`}>{t('report.title')}</h1>
      <p className="muted">{t('report.intro')}</p>
      <QueryStatus loading={viewerFetching && !viewerData} error={viewerError} errorKey="report.error" />
      {viewerData && territories.length === 0 && <p>{t('report.none')}</p>}
      {territories.length > 0 && (
        <div className="report-actions">
          {territories.length > 1 && (
            <label>
              {t('report.territory')}{' '}
              <select value={territoryId ?? ''} onChange={(event) => setChosen(event.target.value)}>
                {territories.map((territory) => (
                  <option key={territory.id} value={territory.id}>
                    {territory.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="primary" disabled={!page} onClick={() => window.print()}>
            {t('report.print')}
          </button>
          <button type="button" className="secondary" disabled={download.busy} onClick={() => void fetchFile('PDF')}>
            {t('report.pdf')}
          </button>
          <button type="button" className="secondary" disabled={download.busy} onClick={() => void fetchFile('CSV')}>
            {t('report.csv')}
          </button>
          {download.busy && (
            <span role="status" className="muted">
              {t('report.preparing')}
            </span>
          )}
        </div>
      )}
      {download.error && (
        <p role="alert" className="error">
          {t('report.error', { message: download.error })}
        </p>
      )}
      <QueryStatus loading={fetching && !data} error={error} errorKey="report.error" />
      {page && <ReportView html={page} label={t('report.frame')} tableLabel={t('report.table')} />}
    </section>
  );
}

/** The printable report, in a shadow root of its own (its style and the app's do not mix). */
function ReportView({ html, label, tableLabel }: { html: string; label: string; tableLabel: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element) renderReport(element.shadowRoot ?? element.attachShadow({ mode: 'open' }), html, tableLabel);
  }, [html, tableLabel]);
  return <section className="report-view" aria-label={label} ref={host} />;
}
