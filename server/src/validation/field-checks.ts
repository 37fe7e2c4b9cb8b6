import type { ProblemList } from '../errors/domain-errors.js';
import { hasControlCharacter } from './control-characters.js';

/**
 * Checks of single fields, whatever the domain, for the API and the importer alike. Each returns the cleaned value
 * (or null) and adds a problem, with the import row when there is one, rather than throwing: every problem of a
 * request or a file is reported at once.
 */

export function checkText(
  problems: ProblemList,
  field: string,
  value: string | null | undefined,
  { required = false, max = 255 }: { required?: boolean; max?: number } = {},
  row?: number,
): string | null {
  const v = typeof value === 'string' ? value.trim() : value;
  if (v === undefined || v === null || v === '') {
    if (required) problems.add(field, 'is required', row);
    return null;
  }
  if (typeof v !== 'string') {
    problems.add(field, 'must be text', row);
    return null;
  }
  if (v.length > max) problems.add(field, `must be at most ${max} characters`, row);
  if (hasControlCharacter(v)) problems.add(field, 'must not contain control characters', row);
  return v;
}

export function checkEnum<E extends Record<string, string>>(
  problems: ProblemList,
  field: string,
  enumType: E,
  value: unknown,
  { required = true }: { required?: boolean } = {},
  row?: number,
): E[keyof E] | null {
  if (value === undefined || value === null || value === '') {
    if (required) problems.add(field, 'is required', row);
    return null;
  }
  if (typeof value === 'string' && Object.values(enumType).includes(value)) return value as E[keyof E];
  problems.add(field, `must be one of ${Object.values(enumType).join(', ')}`, row);
  return null;
}

export function checkNumber(
  problems: ProblemList,
  field: string,
  value: unknown,
  { min, max, required = false }: { min?: number; max?: number; required?: boolean },
  row?: number,
): number | null {
  if (value === undefined || value === null || value === '') {
    if (required) problems.add(field, 'is required', row);
    return null;
  }
  const n = typeof value === 'string' ? Number(value.replace(',', '.')) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    problems.add(field, 'must be a number', row);
    return null;
  }
  if (min !== undefined && n < min) problems.add(field, `must be at least ${min}`, row);
  if (max !== undefined && n > max) problems.add(field, `must be at most ${max}`, row);
  return n;
}

export function checkWebsite(problems: ProblemList, field: string, value: string | null | undefined, row?: number) {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    return url.toString();
  } catch {
    problems.add(field, 'must be an http(s) address', row);
    return null;
  }
}
