import { isMessageKey, type Language, type Translate } from '../i18n/messages';

// Quantities and dates as readers of each language write them, for every view that shows one.
// Units the API names by a code (FTE) have their words under `impact.unit.*`, where the impact views first needed them.
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * A number as precise as an estimate deserves: whole numbers from 100 up, three significant figures below
 * (7.28, 0.0123), grouped in the language's way ("50 425" in French, "50,425" in English).
 */
export function formatAmount(value: number, language: Language): string {
  const locale = LOCALES[language];
  if (value === 0) return new Intl.NumberFormat(locale).format(0);
  const options: Intl.NumberFormatOptions =
    Math.abs(value) >= 100 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 };
  return new Intl.NumberFormat(locale, options).format(value);
}

/** A unit as readers write it: "t CO₂e", "ETP" for FTE in French. */
export function formatUnit(unit: string, t: Translate): string {
  const key = `impact.unit.${unit}`;
  if (isMessageKey(key)) return t(key);
  return unit.replace(/CO2/g, 'CO₂');
}

/** A value with its unit; euros as a currency ("14 000 €", "€14,000"). */
export function formatQuantity(value: number, unit: string, language: Language, t: Translate): string {
  if (unit === 'EUR') {
    return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
  }
  return `${formatAmount(value, language)} ${formatUnit(unit, t)}`;
}

/** A date-time of the API (ISO 8601) as readers of the language write it, to the minute; as given when unreadable. */
export function formatDateTime(value: unknown, language: Language, timeZone?: string): string {
  const text = String(value);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
