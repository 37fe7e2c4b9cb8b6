import type { CombinedError } from 'urql';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/useI18n';
import { describeError } from './errors';

/**
 * What a view says while its query runs and when it fails: a polite "loading" status until there is something to
 * show, then an alert with the error described under `errorKey` (a message taking `{message}`).
 */
export function QueryStatus({ loading, error, errorKey }: { loading: boolean; error: CombinedError | undefined; errorKey: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      {loading && (
        <p role="status" className="muted">
          {t('app.loading')}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {t(errorKey, { message: describeError(error, t) })}
        </p>
      )}
    </>
  );
}
