import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../../i18n/messages';
import { wordSetupProblem } from './setup-problems';

describe('the setup form says the server’s problems in the reader’s language', () => {
  const fr: Translate = (key, params) => translate('fr', key, params);
  it('words the known problems in French, with their figures', () => {
    expect(wordSetupProblem('must be at least 10 characters long', fr)).toBe('Le mot de passe doit compter au moins 10 caractères.');
    expect(wordSetupProblem('is not a valid e-mail address', fr)).toBe('Cette adresse e-mail n’est pas valable.');
    expect(wordSetupProblem('must be 1 to 200 characters', fr)).toBe('Entre 1 et 200 caractères.');
  });
  it('shows an unknown problem as the server wrote it', () => {
    expect(wordSetupProblem('is on fire', fr)).toBe('Le serveur refuse cette valeur : is on fire');
  });
});
