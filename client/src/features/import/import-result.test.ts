import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { importFailure, isImportFile } from './import-result';

describe('importFailure', () => {
  it('lists every problem in row order, those about the whole file first, with the summary', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('The import was rejected: nothing was changed.', {
          extensions: {
            code: 'BAD_USER_INPUT',
            problems: [
              { row: 7, field: 'ewc_code', message: 'unknown code' },
              { field: 'file', message: 'unknown column "foo"' },
              { row: 3, field: 'quantity', message: 'must be positive' },
              { nonsense: true },
            ],
          },
        }),
      ],
    });
    expect(importFailure(error)).toEqual({
      message: 'The import was rejected: nothing was changed.',
      problems: [
        { row: null, field: 'file', message: 'unknown column "foo"' },
        { row: 3, field: 'quantity', message: 'must be positive' },
        { row: 7, field: 'ewc_code', message: 'unknown code' },
      ],
    });
  });

  it('says why a request failed when no file problem is listed', () => {
    const failure = importFailure(new CombinedError({ graphQLErrors: [new GraphQLError('Only facilitators may import.', { extensions: { code: 'FORBIDDEN' } })] }));
    expect(failure).toEqual({ message: 'Only facilitators may import.', problems: [] });
  });
});

describe('isImportFile', () => {
  it('takes .json and .csv files only', () => {
    expect(['flux.csv', 'TERRITOIRE.JSON', 'a.b.json'].map(isImportFile)).toEqual([true, true, true]);
    expect(['flux.xlsx', 'csv', 'flux.csv.txt'].map(isImportFile)).toEqual([false, false, false]);
  });
});
