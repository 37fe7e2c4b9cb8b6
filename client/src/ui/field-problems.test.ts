import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { serverProblems } from './field-problems';

const badInput = (problems: unknown[]) =>
  new CombinedError({
    graphQLErrors: [new GraphQLError('Cannot declare this flow.', { extensions: { code: 'BAD_USER_INPUT', problems } })],
  });

const FIELDS = ['quantity', 'ewcCode', 'availableMonths'] as const;

describe('serverProblems', () => {
  it('puts each problem at the field it concerns, several per field kept in order', () => {
    const result = serverProblems(
      badInput([
        { field: 'quantity', message: 'must be greater than 0 (leave it empty when unknown)' },
        { field: 'ewcCode', message: '"99 99 99" is not a code of the European List of Waste' },
        { field: 'quantity', message: 'second' },
      ]),
      FIELDS,
    );
    expect(result.fields).toEqual({
      quantity: ['must be greater than 0 (leave it empty when unknown)', 'second'],
      ewcCode: ['"99 99 99" is not a code of the European List of Waste'],
    });
    expect(result.general).toEqual([]);
  });

  it('reads input paths and list positions as the field they name', () => {
    const result = serverProblems(badInput([{ field: 'input.availableMonths[3]', message: 'not a month' }]), FIELDS);
    expect(result.fields).toEqual({ availableMonths: ['not a month'] });
  });

  it('keeps problems about fields the form does not show as general ones, with their field', () => {
    const result = serverProblems(badInput([{ field: 'status', message: 'is not ACTIVE or ARCHIVED' }]), FIELDS);
    expect(result.fields).toEqual({});
    expect(result.general).toEqual(['status: is not ACTIVE or ARCHIVED']);
  });

  it('shows an error without problems as a general message', () => {
    const error = new CombinedError({ graphQLErrors: [new GraphQLError('Site not found.', { extensions: { code: 'NOT_FOUND' } })] });
    expect(serverProblems(error, FIELDS)).toEqual({ fields: {}, general: ['Site not found.'] });
  });

  it('has nothing to say without an error, nor for a network failure (the view words that one)', () => {
    expect(serverProblems(undefined, FIELDS)).toEqual({ fields: {}, general: [] });
    expect(serverProblems(new CombinedError({ networkError: new Error('offline') }), FIELDS)).toEqual({ fields: {}, general: [] });
  });

  it('ignores malformed problems rather than showing them', () => {
    expect(serverProblems(badInput([{ field: 3 }, null, 'quantity']), FIELDS)).toEqual({ fields: {}, general: [] });
  });
});
