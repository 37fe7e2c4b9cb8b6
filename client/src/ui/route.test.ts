import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, sectionOf, type Route } from './route';

describe('routes', () => {
  it.each([
    ['', { name: 'directory' }],
    ['#/', { name: 'directory' }],
    ['#/synergies', { name: 'synergies' }],
    ['#/synergies/', { name: 'synergies' }],
    ['#/synergies/U3luZXJneTox', { name: 'synergy', id: 'U3luZXJneTox' }],
    ['#/synergies/a%2Fb', { name: 'synergy', id: 'a/b' }],
    ['#/synergies/%E0%A4%A', { name: 'synergies' }],
    ['#/organizations', { name: 'directory' }],
    ['#/organizations/T3JnOjE', { name: 'organization', id: 'T3JnOjE' }],
    ['#/flows', { name: 'flows' }],
    ['#/flows/new', { name: 'newFlow' }],
    ['#/synergies/new', { name: 'newSynergy' }],
    ['#/flows/UmVzb3VyY2VGbG93OjE', { name: 'flow', id: 'UmVzb3VyY2VGbG93OjE' }],
    ['#/projects', { name: 'projects' }],
    ['#/projects/U3luZXJneVByb2plY3Q6MQ', { name: 'project', id: 'U3luZXJneVByb2plY3Q6MQ' }],
    ['#/api-tokens', { name: 'apiTokens' }],
    ['#/dashboard', { name: 'dashboard' }],
    ['#/report', { name: 'report' }],
    ['#/import', { name: 'import' }],
    ['#/join/fe2i_i_abc-DEF_1', { name: 'join', token: 'fe2i_i_abc-DEF_1' }],
    ['#/reset/fe2i_r_x', { name: 'reset', token: 'fe2i_r_x' }],
    ['#/setup/fe2i_f_x', { name: 'setup', token: 'fe2i_f_x' }],
  ] as const)('%s is %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([
    ['#/nowhere', '/nowhere'],
    ['#/synergies/x/y', '/synergies/x/y'],
    ['#/api-tokens/x', '/api-tokens/x'],
    ['#/constructor', '/constructor'],
  ])('%s names no page: not found, not the directory', (hash, path) => {
    expect(parseRoute(hash)).toEqual({ name: 'notFound', path });
  });

  it.each<Route>([
    { name: 'directory' },
    { name: 'organization', id: 'T3JnOjE=' },
    { name: 'flows' },
    { name: 'newFlow' },
    { name: 'newSynergy' },
    { name: 'flow', id: 'Rmxvdzo/=+' },
    { name: 'synergies' },
    { name: 'synergy', id: 'U3luZXJneTo/=+' },
    { name: 'projects' },
    { name: 'project', id: 'UHJvamVjdDo/=+' },
    { name: 'apiTokens' },
    { name: 'dashboard' },
    { name: 'notFound', path: '/nowhere' },
  ])('%o survives a round trip through its href', (route) => {
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('puts item pages in the section of their list', () => {
    expect(sectionOf({ name: 'organization', id: 'x' })).toBe('directory');
    expect(sectionOf({ name: 'newFlow' })).toBe('flows');
    expect(sectionOf({ name: 'synergy', id: 'x' })).toBe('synergies');
    expect(sectionOf({ name: 'project', id: 'x' })).toBe('projects');
    expect(sectionOf({ name: 'notFound', path: '/x' })).toBeNull();
  });
});
