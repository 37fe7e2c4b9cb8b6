import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { ImportDataMutation } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { importFailure, isImportFile, type ImportFailure } from './import-result';
import './import.css';

const ImportDataMutationDocument = graphql(`
  mutation ImportData($content: String!, $fileName: String!) {
    importData(content: $content, fileName: $fileName) {
      territories {
        created
        updated
        unchanged
      }
      organizations {
        created
        updated
        unchanged
      }
      sites {
        created
        updated
        unchanged
      }
      flows {
        created
        updated
        unchanged
      }
    }
  }
`);

type Report = ImportDataMutation['importData'];
const KINDS = ['territories', 'organizations', 'sites', 'flows'] as const;

/**
 * The facilitator's import page: a JSON or CSV file (docs/import-format.md) checked whole by the server, which
 * either applies all of it and reports what it created, updated and left unchanged, or changes nothing and lists
 * every problem with its row.
 */
export function ImportPage() {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [report, setReport] = useState<{ fileName: string; report: Report } | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [{ fetching }, importData] = useMutation(ImportDataMutationDocument);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setReport(null);
    setFailure(null);
    setChoiceError(chosen && !isImportFile(chosen.name) ? t('import.wrongType') : null);
    setFile(chosen && isImportFile(chosen.name) ? chosen : null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setReport(null);
    setFailure(null);
    const result = await importData({ content: await file.text(), fileName: file.name });
    if (result.error) setFailure(importFailure(result.error));
    else if (result.data) setReport({ fileName: file.name, report: result.data.importData });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="import-page workspace">
      <h1 id={`${id}-title`}>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <form className="card-lite import-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <input id={`${id}-file`} type="file" accept=".json,.csv,application/json,text/csv" onChange={choose} aria-describedby={`${id}-hint`} />
        <p id={`${id}-hint`} className="small muted">
          {t('import.hint')}
        </p>
        {choiceError && (
          <p role="alert" className="error">
            {choiceError}
          </p>
        )}
        <button type="submit" className="primary" disabled={!file || fetching}>
          {fetching ? t('import.running') : t('import.submit')}
        </button>
      </form>

      {report && (
        <div role="status" className="import-report">
          <h2>{t('import.done', { file: report.fileName })}</h2>
          <ScrollRegion label={t('import.done', { file: report.fileName })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('import.kind')}</th>
                  <th scope="col">{t('import.created')}</th>
                  <th scope="col">{t('import.updated')}</th>
                  <th scope="col">{t('import.unchanged')}</th>
                </tr>
              </thead>
              <tbody>
                {KINDS.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{t(`import.kind.${kind}`)}</th>
                    <td>{report.report[kind].created}</td>
                    <td>{report.report[kind].updated}</td>
                    <td>{report.report[kind].unchanged}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}

      {failure && (
        <div role="alert" className="import-failure">
          <h2>{failure.problems.length ? t('import.rejected', { count: failure.problems.length }) : t('import.failed')}</h2>
          <p>{failure.message}</p>
          {failure.problems.length > 0 && (
            <ScrollRegion label={t('import.problems')}>
              <table>
                <caption>{t('import.problems')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('import.field')}</th>
                    <th scope="col">{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {failure.problems.map((problem, index) => (
                    <tr key={index}>
                      <td>{problem.row ?? '—'}</td>
                      <td>
                        <code>{problem.field}</code>
                      </td>
                      <td>{problem.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </div>
      )}
    </section>
  );
}
