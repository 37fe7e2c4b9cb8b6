import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, NO_SEARCH, currentCursor, isNarrowed, shownCity, nextPage, previousPage, toOrganizationFilter } from './directory-search';

describe('the directory search', () => {
  it('asks for nothing when nothing is typed or chosen', () => {
    expect(toOrganizationFilter({ ...NO_SEARCH, text: '   ', commune: ' ' })).toEqual({});
    expect(isNarrowed(toOrganizationFilter(NO_SEARCH))).toBe(false);
  });

  it('sends the sector and the commune, tidied, beside the words and the kind', () => {
    const filter = toOrganizationFilter({ text: 'acier', kind: 'COMPANY', sector: 'C', commune: '  Serémange-Erzange ' });
    expect(filter).toEqual({ search: 'acier', kind: 'COMPANY', sector: 'C', commune: 'Serémange-Erzange' });
    expect(isNarrowed(toOrganizationFilter({ ...NO_SEARCH, sector: 'E' }))).toBe(true);
    expect(isNarrowed(toOrganizationFilter({ ...NO_SEARCH, commune: 'Fameck' }))).toBe(true);
  });

  it('sends the words of the name once tidied, and the kind when one is chosen', () => {
    expect(toOrganizationFilter({ ...NO_SEARCH, text: '  aciéries   de la ', kind: 'COMPANY' })).toEqual({ search: 'aciéries de la', kind: 'COMPANY' });
    expect(toOrganizationFilter({ ...NO_SEARCH, kind: 'SSE' })).toEqual({ kind: 'SSE' });
  });
});

describe('the commune a row shows', () => {
  const sites = [{ city: 'Serémange-Erzange' }, { city: 'Florange' }];
  it('is the commune searched for when the organisation has a site there, else its first site’s', () => {
    expect(shownCity(sites, 'FLORANGE')).toBe('Florange');
    expect(shownCity(sites, 'seremange-erzange')).toBe('Serémange-Erzange');
    expect(shownCity(sites, 'Hayange')).toBe('Serémange-Erzange');
    expect(shownCity(sites, undefined)).toBe('Serémange-Erzange');
    expect(shownCity([], 'Florange')).toBeUndefined();
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
