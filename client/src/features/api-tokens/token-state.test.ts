import { describe, expect, it } from 'vitest';
import { formatDateTime, tokenState } from './token-state';

describe('API tokens', () => {
  it('are active until revoked', () => {
    expect(tokenState({ revokedAt: null })).toBe('active');
    expect(tokenState({ revokedAt: '2026-12-04T10:00:00.000Z' })).toBe('revoked');
  });

  it('show their dates to the minute in the reader’s language', () => {
    expect(formatDateTime('2026-12-04T10:05:00.000Z', 'fr', 'UTC')).toBe('4 déc. 2026, 10:05');
    expect(formatDateTime('2026-12-04T10:05:00.000Z', 'en', 'UTC')).toBe('4 Dec 2026, 10:05');
  });

  it('show a date they cannot read as it came, rather than "Invalid Date"', () => {
    expect(formatDateTime('yesterday', 'fr')).toBe('yesterday');
  });
});
