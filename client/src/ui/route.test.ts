import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './route';

describe('routes', () => {
  it.each([
    ['', { name: 'directory' }],
    ['#/', { name: 'directory' }],
    ['#/nowhere', { name: 'directory' }],
    ['#/synergies', { name: 'synergies' }],
    ['#/synergies/', { name: 'synergies' }],
    ['#/synergies/U3luZXJneTox', { name: 'synergy', id: 'U3luZXJneTox' }],
    ['#/synergies/a%2Fb', { name: 'synergy', id: 'a/b' }],
    ['#/synergies/%E0%A4%A', { name: 'synergies' }],
    ['#/synergies/x/y', { name: 'directory' }],
  ] as const)('%s is %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<Route>([{ name: 'directory' }, { name: 'synergies' }, { name: 'synergy', id: 'U3luZXJneTo/=+' }])(
    '%o survives a round trip through its href',
    (route) => {
      expect(parseRoute(hrefOf(route))).toEqual(route);
    },
  );
});
