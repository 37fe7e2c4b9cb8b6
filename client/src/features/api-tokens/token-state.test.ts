import { describe, expect, it } from 'vitest';
import { tokenState } from './token-state';

describe('API tokens', () => {
  it('are active until revoked', () => {
    expect(tokenState({ revokedAt: null })).toBe('active');
    expect(tokenState({ revokedAt: '2026-12-04T10:00:00.000Z' })).toBe('revoked');
  });
});
