import { describe, expect, it } from 'vitest';
import { explanationSections, figuresWithheld } from './explanation';

describe('explanationSections', () => {
  // As the API renders a substitution for a facilitator (server/src/synergy/engine/explanation.ts).
  const whole = {
    sentences: [
      'Pathway: Empty truck returns for backhaul freight.',
      'Distance: 7.1 km, within the sensible reach of 30 km.',
      'Quantity exchanged: 200 t a year, 40 % of the output and 100 % of the input.',
      'Estimated road transport: 1,562 t·km a year, about 8 truck trips.',
      'Condition met: Non-hazardous stream.',
      'Condition met: The output is available throughout the period of the need.',
      'To check: Route and vehicle compatibility',
    ],
    reasons: [{ code: 'WITHIN_REACH', sentence: 'Distance: 7.1 km, within the sensible reach of 30 km.' }],
    conditionsMet: [
      { code: 'NOT_HAZARDOUS', sentence: 'Non-hazardous stream.' },
      { code: 'AVAILABILITY_FULL', sentence: 'The output is available throughout the period of the need.' },
    ],
    conditionsToCheck: [{ code: 'PATHWAY_CHECK', sentence: 'Route and vehicle compatibility' }],
  };

  it('takes each reason and condition from its own sentence, and the rest of the sentences as the lead', () => {
    expect(explanationSections(whole)).toEqual({
      lead: [whole.sentences[0], whole.sentences[2], whole.sentences[3]],
      reasons: ['Distance: 7.1 km, within the sensible reach of 30 km.'],
      conditionsMet: ['Non-hazardous stream.', 'The output is available throughout the period of the need.'],
      conditionsToCheck: ['Route and vehicle compatibility'],
    });
  });

  it('does not depend on how the sentences introduce the conditions (French here)', () => {
    const french = {
      sentences: ['Filière : Laitier.', 'Condition remplie : Flux non dangereux.', 'À vérifier : Traitement nécessaire : Broyage'],
      reasons: [],
      conditionsMet: [{ code: 'NOT_HAZARDOUS', sentence: 'Flux non dangereux.' }],
      conditionsToCheck: [{ code: 'TREATMENT', sentence: 'Traitement nécessaire : Broyage' }],
    };
    expect(explanationSections(french)).toEqual({
      lead: ['Filière : Laitier.'],
      reasons: [],
      conditionsMet: ['Flux non dangereux.'],
      conditionsToCheck: ['Traitement nécessaire : Broyage'],
    });
  });

  it('leaves out the items withheld from the viewer, and keeps a party’s banded distance', () => {
    const party = {
      sentences: [
        'Pathway: Slag for cement addition.',
        "The other party's output has a waste code the pathway expects.",
        'Distance: 5–10 km, within the sensible reach of 30 km.',
        'Share covered: about 40 % of the input.',
        'Condition met: Non-hazardous stream.',
      ],
      reasons: [
        { code: 'EXACT_EWC', sentence: "The other party's output has a waste code the pathway expects." },
        { code: 'WITHIN_REACH', sentence: 'Distance: 5–10 km, within the sensible reach of 30 km.' },
        { code: 'SOMETHING_NEW', sentence: null },
      ],
      conditionsMet: [{ code: 'NOT_HAZARDOUS', sentence: 'Non-hazardous stream.' }],
      conditionsToCheck: [{ code: 'ANOTHER_NEW', sentence: null }],
    };
    expect(explanationSections(party)).toEqual({
      lead: ['Pathway: Slag for cement addition.', 'Share covered: about 40 % of the input.'],
      reasons: [
        "The other party's output has a waste code the pathway expects.",
        'Distance: 5–10 km, within the sensible reach of 30 km.',
      ],
      conditionsMet: ['Non-hazardous stream.'],
      conditionsToCheck: [],
    });
  });

  it('never lets an empty item sentence swallow the lead', () => {
    const sections = explanationSections({
      sentences: ['Pathway: Slag for cement addition.'],
      reasons: [{ code: 'WITHIN_REACH', sentence: '' }],
      conditionsMet: [],
      conditionsToCheck: [],
    });
    expect(sections.lead).toEqual(['Pathway: Slag for cement addition.']);
    expect(sections.reasons).toEqual([]);
  });
});

describe('figuresWithheld', () => {
  it('is true when the API gives the distance only as a band', () => {
    expect(figuresWithheld({ distanceKm: null })).toBe(true);
    expect(figuresWithheld({ distanceKm: 7.1 })).toBe(false);
    expect(figuresWithheld({ distanceKm: 0 })).toBe(false);
  });
});
