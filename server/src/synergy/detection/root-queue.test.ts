import { describe, expect, it } from 'vitest';
import { RootQueue } from './root-queue.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('RootQueue', () => {
  it('runs the work of one root one at a time, in order, and of different roots side by side', async () => {
    const queue = new RootQueue();
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run('a', step('a1')), queue.run('b', step('b1')), queue.run('a', step('a2'))]);
    expect(results).toEqual(['a1', 'b1', 'a2']);
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('a failure is its caller’s alone: the next in line runs', async () => {
    const queue = new RootQueue();
    const failing = queue.run('a', async () => {
      await tick();
      throw new Error('reconciliation failed');
    });
    const next = queue.run('a', async () => 'ran');
    await expect(failing).rejects.toThrow('reconciliation failed');
    await expect(next).resolves.toBe('ran');
  });
});
