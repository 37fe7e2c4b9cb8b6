import type { MessageKey, MessageParams, Translate } from '../../i18n/messages';

/** The fields of the setup form, named as the server names them. */
export const SETUP_FIELDS = ['name', 'email', 'password', 'territoryName', 'organizationName'] as const;
export type SetupField = (typeof SETUP_FIELDS)[number];

/**
 * The server words the setup form's problems in English; the few it can have are said in the reader's language,
 * anything else as the server wrote it, so that a new problem is never hidden.
 */
const KNOWN: { pattern: RegExp; key: MessageKey; params?: (match: RegExpMatchArray) => MessageParams }[] = [
  { pattern: /^is not a valid e-mail address$/, key: 'setup.problem.email' },
  { pattern: /^must be at least (\d+) characters long$/, key: 'setup.problem.passwordShort', params: (m) => ({ min: m[1] }) },
  { pattern: /^is too long$/, key: 'setup.problem.tooLong' },
  { pattern: /^must be 1 to 200 characters$/, key: 'setup.problem.length' },
];

export function wordSetupProblem(message: string, t: Translate): string {
  for (const { pattern, key, params } of KNOWN) {
    const match = message.match(pattern);
    if (match) return t(key, params?.(match));
  }
  return t('setup.problem.server', { message });
}
