import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages';
import { wordProblem } from './problem-messages';

const fr = (message: string) => wordProblem(message, (key, params) => translate('fr', key, params));

describe("the server's field problems, in the reader's language", () => {
  it.each([
    ['must be greater than 0 (leave it empty when unknown)', 'Indiquez une quantité supérieure à 0, ou laissez vide si vous ne la connaissez pas.'],
    ['must be at least 0', 'La valeur doit être au moins 0.'],
    ['must be at most 1000000000000', 'La valeur doit être au plus 1000000000000.'],
    ['must be at most 200 characters', '200 caractères au plus.'],
    ['is required', 'Ce champ est obligatoire.'],
    ['is required for a waste output', 'Un déchet que vous avez doit avoir son code de la nomenclature européenne.'],
    ['"99 99 99" is not a code of the European List of Waste', '« 99 99 99 » n’est pas un code de la nomenclature européenne des déchets.'],
    ['"chaleur" is not a need of the knowledge base', '« chaleur » n’est pas un besoin connu : choisissez-en un dans la liste.'],
    ['must name at least one month (leave it empty for all year)', 'Cochez au moins un mois, ou « Toute l’année ».'],
  ])('%s', (message, french) => {
    expect(fr(message)).toBe(french);
  });

  it('shows a problem it does not know as the server wrote it, never hiding it', () => {
    expect(fr('is not a site of the same organisation')).toBe('Valeur refusée : is not a site of the same organisation');
  });

  it('speaks English too', () => {
    expect(wordProblem('must be at least 0', (key, params) => translate('en', key, params))).toBe('Must be at least 0.');
  });
});
