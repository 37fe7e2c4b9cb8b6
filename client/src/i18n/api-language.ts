import type { Language as ApiLanguage } from '../gql/graphql';
import type { Language } from './messages';

const API_LANGUAGES: Record<Language, ApiLanguage> = { fr: 'FR', en: 'EN' };

/** The `Language` argument of the API for texts it renders (explanation sentences) in the interface's language. */
export function apiLanguage(language: Language): ApiLanguage {
  return API_LANGUAGES[language];
}

