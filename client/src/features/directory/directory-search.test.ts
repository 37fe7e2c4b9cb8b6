import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, currentCursor, nextPage, previousPage, toOrganizationFilter } from './directory-search';

describe('the directory search', () => {
  it('asks for nothing when nothing is typed or chosen', () => {
    expect(toOrganizationFilter({ text: '   ', kind: '' })).toEqual({});
  });

  it('sends the words of the name once tidied, and the kind when one is chosen', () => {
    expect(toOrganizationFilter({ text: '  aciéries   de la ', kind: 'COMPANY' })).toEqual({ search: 'aciéries de la', kind: 'COMPANY' });
    expect(toOrganizationFilter({ text: '', kind: 'SSE' })).toEqual({ kind: 'SSE' });
  });
});

describe('paging through the directory', () => {
  it('starts on the first page and comes back to it', () => {
    expect(currentCursor(FIRST_PAGE)).toBeNull();
    const third = nextPage(nextPage(FIRST_PAGE, 'a'), 'b');
    expect(currentCursor(third)).toBe('b');
    expect(currentCursor(previousPage(third))).toBe('a');
    expect(previousPage(previousPage(previousPage(third)))).toEqual(FIRST_PAGE);
  });
});
