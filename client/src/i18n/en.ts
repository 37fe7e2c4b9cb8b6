import type { MessageKey } from './fr';

/** English messages. Typed against the French ones, so a missing or extra key does not compile. */
export const en: Record<MessageKey, string> = {
  'app.name': 'FE2I',
  'app.tagline': 'Inter-company economic flows',
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to content',
  'app.networkError': 'The server cannot be reached. Check your connection and try again.',

  'language.label': 'Language',
  'language.fr': 'Français',
  'language.en': 'English',

  'auth.title': 'Log in',
  'auth.intro': 'Log in to see the actors and flows of your territory.',
  'auth.email': 'Email address',
  'auth.password': 'Password',
  'auth.submit': 'Log in',
  'auth.submitting': 'Logging in…',
  'auth.logOut': 'Log out',
  'auth.signedInAs': 'Signed in as',
  'auth.error.UNAUTHENTICATED': 'Wrong email address or password.',
  'auth.error.RATE_LIMITED': 'Too many log-in attempts: try again in a few minutes.',

  'directory.title': 'Directory of actors',
  'directory.intro': 'The organisations of your territory, in alphabetical order.',
  'directory.caption': '{count} actors',
  'directory.empty': 'No actors yet.',
  'directory.column.name': 'Name',
  'directory.column.kind': 'Kind',
  'directory.column.city': 'Town',
  'directory.column.sites': 'Sites',
  'directory.column.flows': 'Visible flows',
  'directory.noCity': '—',
  'directory.error': 'The directory could not be loaded: {message}',

  'kind.COMPANY': 'Company',
  'kind.AUTHORITY': 'Local authority',
  'kind.SSE': 'Social economy / insertion',
  'kind.RESEARCH': 'Laboratory',
  'kind.UNIVERSITY': 'University',
  'kind.FACILITATOR': 'Territory facilitator',
  'kind.OTHER': 'Other',
};
