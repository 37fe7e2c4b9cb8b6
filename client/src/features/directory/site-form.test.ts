import { describe, expect, it } from 'vitest';
import { EMPTY_SITE, placeOf, siteFormState, toAddSiteInput, typedDegrees } from './site-form';

describe('the new-site form', () => {
  it('makes the addSite input, coordinates read with a decimal comma, blank optional fields as null', () => {
    expect(
      toAddSiteInput({ ...EMPTY_SITE, name: ' Dépôt ', city: 'Hayange', latitude: '49,3291', longitude: ' 6.0617 ', siret: '552 100 554 00016' }),
    ).toEqual({
      ok: true,
      input: { name: 'Dépôt', city: 'Hayange', latitude: 49.3291, longitude: 6.0617, address: null, postalCode: null, siret: '55210055400016' },
    });
  });

  it('asks for the name, the commune and both coordinates, and for numbers as coordinates', () => {
    expect(toAddSiteInput(EMPTY_SITE)).toEqual({
      ok: false,
      problems: { name: 'required', city: 'required', latitude: 'required', longitude: 'required' },
    });
    expect(toAddSiteInput({ ...EMPTY_SITE, name: 'x', city: 'y', latitude: 'nord', longitude: '6' })).toEqual({
      ok: false,
      problems: { latitude: 'notANumber' },
    });
  });

  it('leaves ranges to the server', () => {
    const outcome = toAddSiteInput({ ...EMPTY_SITE, name: 'x', city: 'y', latitude: '123', longitude: '6' });
    expect(outcome.ok && outcome.input.latitude).toBe(123);
  });
});

describe('the form of an existing site', () => {
  const site = { name: 'Usine', address: null, postalCode: '57700', city: 'Hayange', latitude: 49.3291, longitude: 6.0617, siret: null };

  it('shows its fields, coordinates with a decimal comma in French, and makes the same input back', () => {
    const state = siteFormState(site, 'fr');
    expect(state).toEqual({ name: 'Usine', address: '', postalCode: '57700', city: 'Hayange', latitude: '49,3291', longitude: '6,0617', siret: '' });
    expect(siteFormState(site, 'en').latitude).toBe('49.3291');
    expect(toAddSiteInput(state)).toEqual({ ok: true, input: { ...site, address: null } });
  });
});

describe('placing a site on the map', () => {
  it('writes a clicked point with 5 decimals, a comma in French', () => {
    expect(typedDegrees(49.329123456, 'fr')).toBe('49,32912');
    expect(typedDegrees(6.06, 'en')).toBe('6.06');
  });

  it('puts the marker where the typed coordinates say, none while they are not two numbers in range', () => {
    expect(placeOf({ ...EMPTY_SITE, latitude: '49,3291', longitude: '6.0617' })).toEqual([49.3291, 6.0617]);
    expect(placeOf({ ...EMPTY_SITE, latitude: '', longitude: '6' })).toBeNull();
    expect(placeOf({ ...EMPTY_SITE, latitude: '123', longitude: '6' })).toBeNull();
    expect(placeOf({ ...EMPTY_SITE, latitude: 'nord', longitude: '6' })).toBeNull();
  });
});
