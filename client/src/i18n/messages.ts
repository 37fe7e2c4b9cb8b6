import { en } from './en';
import { fr, type MessageKey } from './fr';

export type { MessageKey };

/** Languages of the interface, French first: the first one is the default. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { fr, en };

export type MessageParams = Record<string, string | number>;

/** What pure helpers take to word their results, so that they need no React context (the `t` of `useI18n`). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The message of `key` in `language`, with each `{name}` replaced by `params.name`. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = MESSAGES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(fr, value);
}
