import { describe, expect, it } from 'vitest';
import { translate, type Language, type MessageKey, type MessageParams } from '../../i18n/messages';
import { distinctParties, partyLabel, synergyTitle, type Party } from './parties';

const tr = (language: Language) => (key: MessageKey, params?: MessageParams) => translate(language, key, params);

const anonymous: Party = {
  isYours: false,
  organization: null,
  anonymous: { organizationKind: 'COMPANY', sectorFr: 'Industrie manufacturière', sectorEn: 'Manufacturing', distanceBand: '5–10 km' },
};
const steelworks: Party = { isYours: true, organization: { id: 'o1', name: 'Aciéries de la Fensch' }, anonymous: null };
const joinery: Party = { isYours: false, organization: { id: 'o2', name: 'Menuiserie de Knutange' }, anonymous: null };

describe('partyLabel', () => {
  it('names a party whose identity is known', () => {
    expect(partyLabel(joinery, 'fr', tr('fr'))).toBe('Menuiserie de Knutange');
  });

  it('describes an anonymous party by kind, sector and distance, in the language of the page', () => {
    expect(partyLabel(anonymous, 'fr', tr('fr'))).toBe('Entreprise · Industrie manufacturière · 5–10 km');
    expect(partyLabel(anonymous, 'en', tr('en'))).toBe('Company · Manufacturing · 5–10 km');
  });

  it('leaves out what the API withholds', () => {
    const bare: Party = { ...anonymous, anonymous: { organizationKind: 'SSE', sectorFr: null, distanceBand: null } };
    expect(partyLabel(bare, 'en', tr('en'))).toBe('Social economy / insertion');
    const withheld: Party = { ...anonymous, anonymous: { organizationKind: null, sectorFr: null, distanceBand: '< 100 km' } };
    expect(partyLabel(withheld, 'fr', tr('fr'))).toBe('Partenaire anonyme · < 100 km');
  });
});

describe('distinctParties', () => {
  it('keeps each organisation once, the viewer’s first, and every anonymous party', () => {
    const parties = distinctParties([joinery, anonymous, steelworks, joinery, anonymous]);
    expect(parties).toEqual([steelworks, joinery, anonymous, anonymous]);
  });
});

describe('synergyTitle', () => {
  const pathway = { labelFr: 'Laitier vers ajout cimentier', labelEn: 'Slag for cement addition' };
  it('is the pathway in the language of the page', () => {
    expect(synergyTitle({ kind: 'SUBSTITUTION', pathway }, 'en', tr('en'))).toBe('Slag for cement addition');
    expect(synergyTitle({ kind: 'SUBSTITUTION', pathway }, 'fr', tr('fr'))).toBe('Laitier vers ajout cimentier');
  });

  it('falls back on the kind for a synergy recorded without a pathway', () => {
    expect(synergyTitle({ kind: 'MUTUALISATION', pathway: null }, 'en', tr('en'))).toBe('Recorded synergy (pooling)');
  });
});
