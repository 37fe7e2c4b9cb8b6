import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS, presenceColor, presenceName, presentUsers } from './presence';

describe('presenceColor', () => {
  it('is a 6-digit hex colour, the same for the same person', () => {
    for (const seed of ['', 'Julien Weber', 'Marc Lambert (CA du Val de Fensch)', 'é'.repeat(300)]) {
      expect(presenceColor(seed)).toMatch(/^#[0-9a-f]{6}$/);
      expect(presenceColor(seed)).toBe(presenceColor(seed));
    }
  });

  it('spreads people over the palette', () => {
    const colours = new Set(Array.from({ length: 50 }, (_, i) => presenceColor(`person ${i}`)));
    expect(colours.size).toBeGreaterThan(PRESENCE_COLORS.length / 2);
  });
});

describe('presentUsers', () => {
  it('lists the reader first, then the others by name, and skips states without a user', () => {
    const states = new Map<number, Record<string, unknown>>([
      [3, { user: { name: 'Zoé', color: '#1d5fbf' } }],
      [1, { user: { name: 'Marc', color: '#b3261e' } }],
      [2, {}],
      [9, { user: { name: 'Julien', color: '#1b7a3d' } }],
    ]);
    expect(presentUsers(states, 9).map((u) => [u.name, u.isSelf])).toEqual([
      ['Julien', true],
      ['Marc', false],
      ['Zoé', false],
    ]);
  });

  it('replaces a colour that is not 6-digit hex (untrusted) and keeps names short', () => {
    const states = new Map<number, Record<string, unknown>>([[1, { user: { name: 'x'.repeat(500), color: 'red;background:url(x)' } }]]);
    const [user] = presentUsers(states, 0);
    expect(user.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(user.name).toHaveLength(200);
  });
});

describe('presenceName', () => {
  it('says the organisation when there is one', () => {
    expect(presenceName('Julien Weber', 'Aciéries de la Fensch')).toBe('Julien Weber (Aciéries de la Fensch)');
    expect(presenceName('Claire Animatrice', null)).toBe('Claire Animatrice');
  });
});
