import type { Language } from '../../i18n/messages';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Whether a token still authenticates. */
export function tokenState(token: { revokedAt: unknown }): 'active' | 'revoked' {
  return token.revokedAt ? 'revoked' : 'active';
}

/** A date-time of the API (ISO 8601) as readers of the language write it, to the minute; as given when unreadable. */
export function formatDateTime(value: unknown, language: Language, timeZone?: string): string {
  const text = String(value);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
