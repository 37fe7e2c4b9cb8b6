import { describe, expect, it } from 'vitest';
import { AuthorCache } from './plan-changes.js';

const author = (organizationId: string) => ({ userId: 'u', organizationId });

describe('the cache of plan authors behind planChanged', () => {
  it('reads once while fresh, then answers the stale author at once while one read refreshes it', async () => {
    let now = 0;
    const cache = new AuthorCache(10_000, () => now, () => 1);
    const reads: string[] = [];
    const read = (org: string) => () => (reads.push(org), Promise.resolve(author(org)));
    expect(await cache.get('p', 'k', read('a'))).toEqual(author('a'));
    now = 9_999;
    expect(await cache.get('p', 'k', read('b'))).toEqual(author('a'));
    expect(reads).toEqual(['a']);
    now = 10_000;
    // Stale: the last answer, at once, and a refresh behind it (only one, however many events come meanwhile).
    expect(await cache.get('p', 'k', read('b'))).toEqual(author('a'));
    expect(await cache.get('p', 'k', read('c'))).toEqual(author('b'));
    expect(reads).toEqual(['a', 'b']);
  });

  it('spreads the expiries of entries read together between half the TTL and the TTL', async () => {
    let now = 0;
    let draws = 0;
    const cache = new AuthorCache(10_000, () => now, () => [0, 0.5, 1][draws++ % 3]);
    const reads: string[] = [];
    for (const key of ['x', 'y', 'z']) await cache.get('p', key, () => (reads.push(key), Promise.resolve(author(key))));
    now = 5_000;
    for (const key of ['x', 'y', 'z']) await cache.get('p', key, () => (reads.push(`${key}'`), Promise.resolve(author(key))));
    now = 7_500;
    for (const key of ['x', 'y', 'z']) await cache.get('p', key, () => (reads.push(`${key}"`), Promise.resolve(author(key))));
    // x was fresh until 5 000, y until 7 500, z until 10 000.
    expect(reads).toEqual(['x', 'y', 'z', "x'", 'y"']);
  });

  it('does not keep a failed first read, and keeps the last answer when a refresh fails', async () => {
    let now = 0;
    const cache = new AuthorCache(10_000, () => now, () => 1);
    await expect(cache.get('p', 'k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('p', 'k', () => Promise.resolve(author('a')))).toEqual(author('a'));
    now = 20_000;
    expect(await cache.get('p', 'k', () => Promise.reject(new Error('down')))).toEqual(author('a'));
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('p', 'k', () => Promise.resolve(author('b')))).toEqual(author('a'));
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('p', 'k', () => Promise.resolve(author('c')))).toEqual(author('b'));
  });

  it('reads again the authors of a project that changed, or of a user whose access changed, and nobody else\'s', async () => {
    const cache = new AuthorCache(10_000, () => 0, () => 1);
    const reads: string[] = [];
    const read = (tag: string) => () => (reads.push(tag), Promise.resolve(author(tag)));
    await cache.get('p1', 'u1', read('p1u1'));
    await cache.get('p1', 'u2', read('p1u2'));
    await cache.get('p2', 'u1', read('p2u1'));
    cache.forgetProject('p1');
    expect(await cache.get('p1', 'u1', read('p1u1 again'))).toEqual(author('p1u1 again'));
    expect(await cache.get('p1', 'u2', read('p1u2 again'))).toEqual(author('p1u2 again'));
    expect(await cache.get('p2', 'u1', read('never'))).toEqual(author('p2u1'));
    cache.forgetUser('u1');
    expect(await cache.get('p2', 'u1', read('p2u1 again'))).toEqual(author('p2u1 again'));
    expect(await cache.get('p1', 'u2', read('never'))).toEqual(author('p1u2 again'));
    expect(reads).toEqual(['p1u1', 'p1u2', 'p2u1', 'p1u1 again', 'p1u2 again', 'p2u1 again']);
  });

  it('does not keep a refresh that was in flight when its project changed', async () => {
    let now = 0;
    const cache = new AuthorCache(10_000, () => now, () => 1);
    await cache.get('p', 'u', () => Promise.resolve(author('old')));
    now = 10_000;
    let finish: (a: ReturnType<typeof author>) => void = () => {};
    // Stale: answered at once, and a refresh starts (read before the change, answered after it).
    expect(await cache.get('p', 'u', () => new Promise((r) => (finish = r)))).toEqual(author('old'));
    cache.forgetProject('p');
    finish(author('read before the change'));
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('p', 'u', () => Promise.resolve(author('new')))).toEqual(author('new'));
  });
});
