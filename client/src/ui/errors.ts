import type { CombinedError } from 'urql';
import { isMessageKey, type Translate } from '../i18n/messages';

/**
 * What to tell the user about a failed operation. Errors whose code has a message under `${prefix}.${code}` are
 * translated; any other error shows the server's own message, which is written for users and never leaks internals.
 */
export function describeError(error: CombinedError, t: Translate, prefix?: string): string {
  if (error.networkError && error.graphQLErrors.length === 0) return t('app.networkError');
  const first = error.graphQLErrors[0];
  if (!first) return error.message;
  const code = first.extensions?.code;
  if (prefix && typeof code === 'string') {
    const key = `${prefix}.${code}`;
    if (isMessageKey(key)) return t(key);
  }
  return first.message;
}
