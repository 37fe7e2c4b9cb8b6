import { describe, expect, it } from 'vitest';
import { matchPools, parsePoolKey } from './pool-identity.js';

const pool = (pathway: string, ...flows: string[]) => `MUTUALISATION:${pathway}:${[...flows].sort().join(',')}`;

describe('pool identity (matchPools)', () => {
  it('a pool that gains a member takes over the stored pool', () => {
    expect(matchPools([pool('p', 'a', 'b', 'c')], [pool('p', 'a', 'b')])).toEqual(new Map([[pool('p', 'a', 'b', 'c'), pool('p', 'a', 'b')]]));
  });

  it('a pool that loses a member takes over the stored pool', () => {
    expect(matchPools([pool('p', 'a', 'b')], [pool('p', 'a', 'b', 'c')])).toEqual(new Map([[pool('p', 'a', 'b'), pool('p', 'a', 'b', 'c')]]));
  });

  it('a pool that splits keeps its identity in the part sharing the most members, once', () => {
    const pairs = matchPools([pool('p', 'a', 'b'), pool('p', 'c', 'd', 'e')], [pool('p', 'a', 'b', 'c', 'd', 'e')]);
    expect(pairs).toEqual(new Map([[pool('p', 'c', 'd', 'e'), pool('p', 'a', 'b', 'c', 'd', 'e')]]));
  });

  it('never across pathways, nor with less than half of the stored members, nor for substitutions', () => {
    expect(matchPools([pool('q', 'a', 'b', 'c')], [pool('p', 'a', 'b')]).size).toBe(0);
    expect(matchPools([pool('p', 'a', 'x', 'y')], [pool('p', 'a', 'b', 'c')]).size).toBe(0);
    expect(matchPools(['SUBSTITUTION:s:a,c'], ['SUBSTITUTION:s:a,b']).size).toBe(0);
  });

  it('pairs the same way whatever the order of its inputs', () => {
    const news = [pool('p', 'a', 'b', 'x'), pool('p', 'a', 'b', 'y'), pool('p', 'c', 'd', 'z')];
    const gone = [pool('p', 'a', 'b'), pool('p', 'c', 'd')];
    expect(matchPools([...news].reverse(), [...gone].reverse())).toEqual(matchPools(news, gone));
    expect(matchPools(news, gone).get(pool('p', 'a', 'b', 'x'))).toBe(pool('p', 'a', 'b'));
  });

  it('reads a key whatever its pathway id holds', () => {
    expect(parsePoolKey('MUTUALISATION:pool:x:a,b')).toEqual({ pathwayId: 'pool:x', flowIds: ['a', 'b'] });
    expect(parsePoolKey('SUBSTITUTION:s:a,b')).toBeNull();
  });
});
