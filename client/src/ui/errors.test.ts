import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../i18n/messages';
import { describeError } from './errors';

const t = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
const graphQLError = (message: string, code: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code } })] });

describe('describeError', () => {
  it('translates an error whose code has a message under the prefix', () => {
    const error = graphQLError('Wrong e-mail address or password.', 'UNAUTHENTICATED');
    expect(describeError(error, t, 'auth.error')).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it("shows the server's message for any other code", () => {
    const error = graphQLError('The query is longer than 50000 characters.', 'BAD_USER_INPUT');
    expect(describeError(error, t, 'auth.error')).toBe('The query is longer than 50000 characters.');
  });

  it('says the server cannot be reached on a network error', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(describeError(error, t)).toBe(translate('fr', 'app.networkError'));
  });
});
